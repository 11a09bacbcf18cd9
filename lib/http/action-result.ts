/**
 * What every server action answers, and the one mapping from data-layer errors to it.
 * Forms show `fieldErrors` beside their fields and keep `values` so nothing typed is lost;
 * editors (which keep their own state) read `conflict` and `retryable`. Actions are built
 * by lib/http/server-action.ts; this file is also imported by the browser, for the types.
 */
import { fieldErrorsOf, z } from "@/lib/validation/zod";
import { ConflictError, ForbiddenError, InputError, isStorageUnavailable, NotFoundError, STORAGE_UNAVAILABLE_MESSAGE } from "../errors";

export type FormValues = Record<string, string>;

export type ActionSuccess<T extends object = object> = {
  ok: true;
  message?: string;
  /** A fresh page load to go to, e.g. after signing in. */
  redirectTo?: string;
  /** A value shown this once (a new API token), in a field made for copying. */
  secret?: { label: string; value: string };
} & T;

export interface ActionFailure {
  ok: false;
  message: string;
  fieldErrors: Record<string, string[]>;
  /** What the form sent, to fill it in again ({} for editors and for secrets). */
  values: FormValues;
  /** The database could not be written just now: the same request may succeed later. */
  retryable?: true;
  /** Someone saved first: the version now saved and what it holds, so an editor can offer both. */
  conflict?: { version: number; snapshot: unknown };
}

export type ActionResult<T extends object = object> = ActionSuccess<T> | ActionFailure;

export function formValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  return values;
}

/** A refusal an action decides on itself; the wrapper fills in `values`. */
export function refuse(message: string, fieldErrors: Record<string, string[]> = {}): ActionFailure {
  return { ok: false, message, fieldErrors, values: {} };
}

/** Turns what the data layer throws into an answer a form can show; anything else is a real bug and rethrows. */
export function toActionFailure(error: unknown, values: FormValues): ActionFailure {
  const failure = (message: string, fieldErrors: Record<string, string[]> = {}): ActionFailure => ({
    ok: false,
    message,
    fieldErrors,
    values,
  });
  if (error instanceof z.ZodError) {
    const { "": formErrors, ...fieldErrors } = fieldErrorsOf(error);
    return failure(formErrors?.[0] ?? "Some fields need attention", fieldErrors);
  }
  if (error instanceof InputError) return failure(error.message, { [error.field]: [error.message] });
  if (error instanceof ForbiddenError) return failure("You are not allowed to do this.");
  if (error instanceof NotFoundError) return failure(`${error.message}: it may have been removed meanwhile.`);
  if (error instanceof ConflictError) {
    const { version, snapshot } = error.current;
    return { ...failure(error.message), ...(snapshot === undefined ? {} : { conflict: { version, snapshot } }) };
  }
  if (isStorageUnavailable(error)) return { ...failure(STORAGE_UNAVAILABLE_MESSAGE), retryable: true };
  throw error;
}
