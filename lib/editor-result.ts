/** What the editor's actions answer: the new version, or what to show beside which field. */
import type { ActionResult } from "./action-result";

export type SaveResult =
  | { ok: true; version: number }
  | { ok: false; message: string; fieldErrors: Record<string, string[]>; conflict?: { version: number; snapshot: unknown }; retryable?: true };

export function toSaveFailure(failure: ActionResult): SaveResult {
  if (failure.ok) return { ok: false, message: "Unexpected answer", fieldErrors: {} };
  return { ok: false, message: failure.message, fieldErrors: failure.fieldErrors, ...(failure.retryable ? { retryable: true as const } : {}) };
}
