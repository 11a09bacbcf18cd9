/**
 * zod, as every schema here imports it. In the browser zod would compile object parsers
 * with `new Function`; under our Content-Security-Policy (no 'unsafe-eval', see
 * next.config.js) even its probe for that is reported as a violation, so there it parses
 * without. Set here, not at app start, so that pages without forms load no zod at all.
 */
import { z } from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });

export { z };
