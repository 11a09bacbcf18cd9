/**
 * The shape of the JSON API (/api/v1): how a request's query and body are parsed, how
 * lists are paged, and the answer's envelope. Route handlers compose these with the data
 * layer; errors go through lib/http.ts, the one error format.
 */
import { z } from "@/lib/validation/zod";
import { pageRendersSettled, writeCount } from "@/lib/dal/cache";
import { NotFoundError } from "./errors";
import { errorResponse } from "./http";

export const MAX_PER_PAGE = 100;
const MAX_BODY_BYTES = 1_000_000;

export const paginationQuerySchema = z.object({
  page: z.coerce.number({ error: "Give the page as a whole number from 1" }).int({ error: "Give the page as a whole number from 1" }).min(1, { error: "Pages start at 1" }).max(1_000_000).default(1),
  per_page: z.coerce.number({ error: "Give per_page as a whole number" }).int({ error: "Give per_page as a whole number" }).min(1, { error: "per_page is at least 1" }).max(MAX_PER_PAGE, { error: `per_page is at most ${MAX_PER_PAGE}` }).default(20),
});

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
  const { page, per_page, ...filters } = schema.extend(paginationQuerySchema.shape).parse(raw) as z.infer<S> & z.infer<typeof paginationQuerySchema>;
  return { filters: filters as z.infer<S>, page: { page, perPage: per_page } };
}

function inputError(message: string): z.ZodError {
  return new z.ZodError([{ code: "custom", path: [], message, input: undefined }]);
}

/** A JSON body through a schema: anything malformed is a 400 naming what is wrong, never a 500. */
export async function parseBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  // Requiring JSON also keeps cross-site forms (which cannot send it without a CORS preflight) away from cookie-authenticated writes.
  if (!/^application\/json\b/i.test(request.headers.get("content-type") ?? "")) throw inputError("Send the body as JSON with Content-Type: application/json");
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

export function ok(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "private, no-store" } });
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
