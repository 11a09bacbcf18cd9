/** The one mapping from data-layer errors to HTTP answers for route handlers, with one error body shape. */
import { fieldErrorsOf, z } from "@/lib/validation/zod";
import {
  ConflictError,
  ForbiddenError,
  InputError,
  isStorageUnavailable,
  NotFoundError,
  STORAGE_RETRY_AFTER_SECONDS,
  UnauthorizedError,
} from "../errors";

export function errorResponse(error: unknown): Response {
  const body = (status: number, code: string, message: string, fields?: Record<string, string[]>, current?: unknown) =>
    Response.json(
      { error: { code, message, ...(fields ? { fields } : {}), ...(current ? { current } : {}) } },
      { status, headers: { "Cache-Control": "no-store" } },
    );
  if (error instanceof z.ZodError) return body(400, "invalid_input", "Some fields need attention", fieldErrorsOf(error, "_"));
  // Well-formed but not acceptable (an unknown team, a retired metric): 422.
  if (error instanceof InputError) return body(422, "unprocessable", error.message, { [error.field]: [error.message] });
  if (error instanceof UnauthorizedError) return body(401, "unauthorized", error.message);
  if (error instanceof ForbiddenError) return body(403, "forbidden", "You are not allowed to do this.");
  if (error instanceof NotFoundError) return body(404, "not_found", error.message);
  if (error instanceof ConflictError)
    return body(409, "conflict", error.message, undefined, { version: error.current.version, changedFields: error.current.changedFields });
  if (isStorageUnavailable(error)) {
    const unavailable = body(503, "unavailable", "The database is unavailable just now; nothing was changed. Try again later.");
    unavailable.headers.set("Retry-After", String(STORAGE_RETRY_AFTER_SECONDS));
    return unavailable;
  }
  throw error;
}
