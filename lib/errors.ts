/**
 * The error vocabulary of the data layer. Route handlers and server actions map these to
 * HTTP answers in one place (a later issue adds that mapping for the API).
 */
export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} not found`);
    this.name = "NotFoundError";
  }
}

/** Someone else saved first: the caller gets what changed so nothing typed is lost. */
export class ConflictError extends Error {
  constructor(
    message: string,
    /** The version now saved, the fields known to differ from the caller's, and what is saved now. */
    readonly current: { version: number; changedFields: string[]; snapshot?: unknown },
  ) {
    super(message);
    this.name = "ConflictError";
  }
}

/** Input that is well-formed but cannot be accepted; names the form field at fault. */
export class InputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "InputError";
  }
}

/** No usable credentials: no session or token where one is needed, or a token that is unknown, expired or revoked. */
export class UnauthorizedError extends Error {
  constructor(message = "Sign in or send a valid API token.") {
    super(message);
    this.name = "UnauthorizedError";
  }
}
