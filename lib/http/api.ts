/**
 * The shape of the JSON API (/api/v1): what an operation declares, how a request's query and
 * body are parsed, how lists are paged, and the answer's envelope, checked against the
 * operation's response schema. Route handlers compose these with the data layer; errors go
 * through lib/http/error-response.ts, the one error format.
 */
import { z } from "@/lib/validation/zod";
import { pageRendersSettled, writeCount } from "@/lib/dal/cache/cache";
import { NotFoundError } from "../errors";
import { errorResponse } from "./error-response";
import type { TOKEN_SCOPES } from "../permissions";

export const MAX_PER_PAGE = 100;
const MAX_BODY_BYTES = 1_000_000;

export const paginationQuerySchema = z.object({
  page: z.coerce
    .number({ error: "Give the page as a whole number from 1" })
    .int({ error: "Give the page as a whole number from 1" })
    .min(1, { error: "Pages start at 1" })
    .max(1_000_000)
    .default(1),
  per_page: z.coerce
    .number({ error: "Give per_page as a whole number" })
    .int({ error: "Give per_page as a whole number" })
    .min(1, { error: "per_page is at least 1" })
    .max(MAX_PER_PAGE, { error: `per_page is at most ${MAX_PER_PAGE}` })
    .default(20),
});

/**
 * One route's contract, declared in the operation.ts beside its route.ts (a route module may
 * export only handlers and segment config). The handler parses with `filters` and `body` and
 * answers through `ok`, which checks `response`; lib/http/openapi.ts documents the same object.
 */
export interface Operation {
  method: "get" | "post" | "patch" | "delete";
  /** The OpenAPI path: "/api/v1/cycles/{cycle}". */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /** Path parameters, by name, with what they name. */
  pathParams?: Record<string, string>;
  /** Filters of a paged list (page and per_page are added). */
  filters?: z.ZodObject;
  body?: z.ZodType;
  /** The whole answer: pageOfSchema(item) for a list, dataSchema(entity) otherwise. */
  response: z.ZodType;
  /** The action a token needs for this write. */
  scope?: (typeof TOKEN_SCOPES)[number];
  /** Answers 201 rather than 200. */
  created?: boolean;
}

/** Keeps the literal types of an operation, so its handler gets the exact filters, body and response. */
export function defineOperation<const O extends Operation>(operation: O): O {
  return operation;
}

/** The answer of a paged list. */
export function pageOfSchema<T extends z.ZodType>(item: T) {
  return z.strictObject({
    data: z.array(item),
    pagination: z.strictObject({ page: z.int(), perPage: z.int(), total: z.int() }),
  });
}

/** The answer about one thing. */
export function dataSchema<T extends z.ZodType>(data: T) {
  return z.strictObject({ data });
}

export interface Page {
  page: number;
  perPage: number;
}

export interface Paged<T> {
  data: T[];
  pagination: { page: number; perPage: number; total: number };
}

/** The query string through a schema; repeated keys keep their last value. */
export function parseQuery<S extends z.ZodObject>(request: Request, schema: S): { filters: z.infer<S>; page: Page } {
  const raw = Object.fromEntries(new URL(request.url).searchParams);
  // One parse of filters and paging together, so every wrong parameter is named at once.
  const { page, per_page, ...filters } = schema.extend(paginationQuerySchema.shape).parse(raw) as z.infer<S> &
    z.infer<typeof paginationQuerySchema>;
  return { filters: filters as z.infer<S>, page: { page, perPage: per_page } };
}

function inputError(message: string): z.ZodError {
  return new z.ZodError([{ code: "custom", path: [], message, input: undefined }]);
}

/** A JSON body through a schema: anything malformed is a 400 naming what is wrong, never a 500. */
export async function parseBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  // Requiring JSON also keeps cross-site forms (which cannot send it without a CORS preflight) away from cookie-authenticated writes.
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? ""))
    throw inputError("Send the body as JSON with Content-Type: application/json");
  const text = await request.text();
  if (text.length > MAX_BODY_BYTES) throw inputError(`Keep the body under ${MAX_BODY_BYTES.toLocaleString("en-US")} bytes`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw inputError("The body is not valid JSON");
  }
  return schema.parse(body);
}

/** One page of a list already in memory (cached reads). */
export function pageOf<T>(items: readonly T[], { page, perPage }: Page): Paged<T> {
  return { data: items.slice((page - 1) * perPage, page * perPage), pagination: { page, perPage, total: items.length } };
}

/**
 * Answers are checked in development and tests, not in production: every route's real answer
 * on the demo data is parsed by lib/http/openapi.test.ts, so drift fails there, and a production
 * server never turns a readable answer into a 500 over a contract slip, nor pays the parse.
 */
const CHECK_RESPONSES = process.env.NODE_ENV !== "production";

/** A response that does not match its operation's declared schema: a bug here, not the caller's. */
export class ResponseContractError extends Error {
  constructor(operation: Operation, error: z.ZodError) {
    super(`${operation.method.toUpperCase()} ${operation.path} answered outside its contract:\n${z.prettifyError(error)}`);
  }
}

/** The operation's success answer; the body is checked as the client will read it (after JSON). */
export function ok<O extends Operation>(operation: O, body: z.input<O["response"]>): Response {
  const json = JSON.stringify(body);
  if (CHECK_RESPONSES) {
    const checked = operation.response.safeParse(JSON.parse(json));
    if (!checked.success) throw new ResponseContractError(operation, checked.error);
  }
  return new Response(json, {
    status: operation.created ? 201 : 200,
    headers: { "Content-Type": "application/json", "Cache-Control": "private, no-store" },
  });
}

/** Runs a handler and answers whatever it throws in the one error format. */
export async function answer(handler: () => Promise<Response> | Response): Promise<Response> {
  const writesBefore = writeCount();
  try {
    return await handler();
  } catch (error) {
    return errorResponse(error);
  } finally {
    if (writeCount() !== writesBefore) await pageRendersSettled();
  }
}

/** A numeric id from the path; anything else names nothing, so it is a 404. */
export function idFromPath(raw: string, what: string): number {
  if (!/^[1-9][0-9]{0,14}$/.test(raw)) throw new NotFoundError(what);
  return Number(raw);
}
