/**
 * What every server action answers, and the one mapping from data-layer errors to it.
 * Forms show `fieldErrors` beside their fields and keep `values` so nothing typed is lost.
 */
import { z } from "@/lib/validation/zod";
import { ConflictError, ForbiddenError, InputError, isStorageUnavailable, NotFoundError, STORAGE_UNAVAILABLE_MESSAGE } from "./errors";

export type ActionResult =
  | {
      ok: true;
      message?: string;
      /** A fresh page load to go to, e.g. after signing in. */
      redirectTo?: string;
      /** A value shown this once (a new API token), in a field made for copying. */
      secret?: { label: string; value: string };
    }
  | {
      ok: false;
      message: string;
      fieldErrors: Record<string, string[]>;
      values: Record<string, string>;
      /** The database could not be written just now: the same request may succeed later. */
      retryable?: true;
    };

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  return values;
}

export function failure(values: Record<string, string>, message: string, fieldErrors: Record<string, string[]> = {}): ActionResult {
  return { ok: false, message, fieldErrors, values };
}

/** Turns what the data layer throws into an answer a form can show; anything else is a real bug and rethrows. */
export function toActionFailure(error: unknown, values: Record<string, string>): ActionResult {
  if (error instanceof z.ZodError) {
    // Keyed by the issue's full path ("name", "links.2.url") so nested rows can be told apart.
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of error.issues) {
      const key = issue.path.join(".");
      if (key) fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
    }
    const formError = error.issues.find((i) => i.path.length === 0)?.message;
    return failure(values, formError ?? "Some fields need attention", fieldErrors);
  }
  if (error instanceof InputError) return failure(values, error.message, { [error.field]: [error.message] });
  if (error instanceof ForbiddenError) return failure(values, "You are not allowed to do this.");
  if (error instanceof NotFoundError) return failure(values, `${error.message}: it may have been removed meanwhile.`);
  if (error instanceof ConflictError) return failure(values, error.message);
  if (isStorageUnavailable(error)) return { ok: false, message: STORAGE_UNAVAILABLE_MESSAGE, fieldErrors: {}, values, retryable: true };
  throw error;
}
