/**
 * zod, as every schema here imports it. In the browser zod would compile object parsers
 * with `new Function`; under our Content-Security-Policy (no 'unsafe-eval', see
 * next.config.js) even its probe for that is reported as a violation, so there it parses
 * without. Set here, not at app start, so that pages without forms load no zod at all.
 */
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });

export { z };

/**
 * A failed parse's messages keyed by each issue's full path ("name", "links.2.url"), so
 * nested rows can be told apart (zod's own `flattenError` keeps only the first key).
 * Issues about the whole input go under `rootKey`.
 */
export function fieldErrorsOf(error: z.ZodError, rootKey = ""): Record<string, string[]> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || rootKey;
    fieldErrors[key] = [...(fieldErrors[key] ?? []), issue.message];
  }
  return fieldErrors;
}
