/**
 * Who may do what: the one place every write and every non-public read asks.
 * The table mirrors "Roles and permissions" in DESIGN.md; add a row here when a new
 * action appears, and a row to the permission-matrix test.
 */
import type { Role } from "./domain";

export type Actor =
  | { kind: "anonymous" }
  | { kind: "person"; id: string; name: string; role: Role; leadOf: readonly number[] }
  /** Trusted command-line tools and first-run tasks, audited under their label. */
  | { kind: "system"; label: string };

export const ANONYMOUS: Actor = { kind: "anonymous" };

export type Action =
  | "update.read_draft"
  | "update.write"
  | "roadmap.write"
  | "help.manage"
  | "metric.record"
  | "update.review"
  | "update.reply"
  | "cycle.manage"
  | "team.edit_links"
  | "team.manage"
  | "person.manage"
  | "settings.manage";

/** The team an action concerns, for the actions a lead may take on their own team. */
export type Resource = { teamId?: number };

const LEAD_ACTIONS = new Set<Action>([
  "update.read_draft",
  "update.write",
  "roadmap.write",
  "help.manage",
  "metric.record",
  "update.reply",
  "team.edit_links",
]);

const RELEASE_MANAGER_ACTIONS = new Set<Action>([
  "update.read_draft",
  "roadmap.write",
  "help.manage",
  "metric.record",
  "update.review",
  "update.reply",
  "cycle.manage",
]);

export function can(actor: Actor, action: Action, resource: Resource = {}): boolean {
  switch (actor.kind) {
    case "anonymous":
      return false;
    case "system":
      return true;
    case "person":
      if (actor.role === "admin") return true;
      if (actor.role === "release_manager" && RELEASE_MANAGER_ACTIONS.has(action)) return true;
      return (
        LEAD_ACTIONS.has(action) && resource.teamId !== undefined && actor.leadOf.includes(resource.teamId)
      );
  }
}

export class ForbiddenError extends Error {
  constructor(action: Action) {
    super(`Not allowed: ${action}`);
    this.name = "ForbiddenError";
  }
}

export function assertCan(actor: Actor, action: Action, resource: Resource = {}): void {
  if (!can(actor, action, resource)) throw new ForbiddenError(action);
}

export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case "anonymous":
      return "anonymous";
    case "system":
      return actor.label;
    case "person":
      return actor.name;
  }
}
