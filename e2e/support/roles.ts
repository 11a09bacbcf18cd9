import path from "node:path";
import { ACCOUNTS } from "./accounts";

/** A demo account, by the part it plays in the journeys. */
export type Role = keyof typeof ACCOUNTS;

export const ROLES = Object.keys(ACCOUNTS) as Role[];

/**
 * Where the setup project keeps each role's signed-in browser state (cookies), so that specs
 * start signed in instead of going through the form each time. Under data/, which git ignores.
 */
export function signedInState(role: Role): string {
  return path.join(process.cwd(), "data", "e2e-signed-in", `${role}.json`);
}
