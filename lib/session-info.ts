import type { Role } from "./domain";
import { can, type Action } from "./permissions";

/** What the browser learns about the signed-in person; never a secret. */
export type SessionInfo =
  | { signedIn: false }
  | {
      signedIn: true;
      name: string;
      role: Role;
      /** Slugs of the teams this person leads. */
      leadOf: string[];
      /** Notifications not yet read, for the header's inbox link. */
      unread: number;
    };

/**
 * What the signed-in person may do, asked of the one permission table (`can`), for the
 * buttons the browser shows. The browser knows teams by slug, so the team in question
 * stands in as the only team id there is: "leads it" or not is all `can` needs to know.
 */
export function sessionCan(info: SessionInfo | undefined, action: Action, teamSlug?: string): boolean {
  if (!info?.signedIn) return false;
  const leadsIt = teamSlug !== undefined && info.leadOf.includes(teamSlug);
  return can(
    { kind: "person", id: "", name: info.name, role: info.role, leadOf: leadsIt ? [0] : [] },
    action,
    teamSlug === undefined ? {} : { teamId: 0 },
  );
}
