/**
 * Who may do what: the one place every write and every non-public read asks.
 * The table mirrors "Roles and permissions" in DESIGN.md; add a row here when a new
 * action appears, and a row to the permission-matrix test.
 */
import type { Role } from "./domain";
import { ForbiddenError } from "./errors";

export type Actor =
  | { kind: "anonymous" }
  | { kind: "person"; id: string; name: string; role: Role; leadOf: readonly number[]; token?: TokenScope }
  /** Trusted command-line tools and first-run tasks, audited under their label. */
  | { kind: "system"; label: string };

export const ANONYMOUS: Actor = { kind: "anonymous" };

export type Action =
  | "update.read_draft"
  | "update.write"
  | "roadmap.write"
  /**
   * Dating an update or a roadmap delivery before today, when history is entered later: on top
   * of the right to write it, so a token made to post today's news cannot rewrite the past.
   */
  | "history.backdate"
  | "help.manage"
  | "metric.record"
  | "update.review"
  | "update.reply"
  | "cycle.manage"
  | "team.edit_links"
  | "team.manage"
  | "person.manage"
  | "settings.manage"
  /** Creating and revoking one's own API tokens. */
  | "token.manage_own"
  /** Reading one's own inbox, following teams and cycles, choosing what is mailed. */
  | "notification.own";

/** What an API token narrows its owner to: only these actions, and only these teams when any are listed. */
export interface TokenScope {
  id: number;
  name: string;
  scopes: readonly Action[];
  teamIds: readonly number[];
}

/** The actions a token can be given: the team-level writes (and draft reads) the API offers. */
export const TOKEN_SCOPES = [
  "metric.record",
  "update.write",
  "roadmap.write",
  "update.read_draft",
  "history.backdate",
] as const satisfies readonly Action[];

/**
 * What an action concerns: the team, for the actions a lead may take on their own team;
 * and whether it touches a review note marked for release managers only.
 */
export type Resource = { teamId?: number; releaseManagersOnly?: boolean };

const LEAD_ACTIONS = new Set<Action>([
  "update.read_draft",
  "update.write",
  "roadmap.write",
  "history.backdate",
  "help.manage",
  "metric.record",
  "update.reply",
  "team.edit_links",
]);

const RELEASE_MANAGER_ACTIONS = new Set<Action>([
  "update.read_draft",
  "roadmap.write",
  "history.backdate",
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
      // A token never widens its owner's rights, it only narrows them.
      if (actor.token && !withinToken(actor.token, action, resource)) return false;
      // A note for release managers only is theirs alone: a lead may neither read, answer nor resolve it.
      if (resource.releaseManagersOnly && action !== "update.review" && !can(actor, "update.review")) return false;
      if (action === "token.manage_own" || action === "notification.own") return true;
      if (actor.role === "admin") return true;
      if (actor.role === "release_manager" && RELEASE_MANAGER_ACTIONS.has(action)) return true;
      return LEAD_ACTIONS.has(action) && resource.teamId !== undefined && actor.leadOf.includes(resource.teamId);
  }
}

function withinToken(token: TokenScope, action: Action, resource: Resource): boolean {
  if (!token.scopes.includes(action)) return false;
  return token.teamIds.length === 0 || (resource.teamId !== undefined && token.teamIds.includes(resource.teamId));
}

export function assertCan(actor: Actor, action: Action, resource: Resource = {}): void {
  if (!can(actor, action, resource)) throw new ForbiddenError(action);
}

/** The person whose own things (inbox, follows) this is; a system actor has none. */
export function ownerOf(actor: Actor, action: "token.manage_own" | "notification.own"): string {
  assertCan(actor, action);
  if (actor.kind !== "person") throw new ForbiddenError(action);
  return actor.id;
}

export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case "anonymous":
      return "anonymous";
    case "system":
      return actor.label;
    case "person":
      return actor.token ? `${actor.name} from token ${actor.token.name}` : actor.name;
  }
}
