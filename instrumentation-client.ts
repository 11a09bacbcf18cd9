/**
 * Runs in the browser before the app starts. zod compiles object parsers with
 * `new Function` where it may; under our Content-Security-Policy (no 'unsafe-eval', see
 * next.config.js) even its probe for that is reported as a violation, so it parses without.
 */
import { config } from "zod/v4/core";

config({ jitless: true });
