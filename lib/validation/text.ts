/**
 * Text that people read as someone's words: names, headlines, titles. It must show at
 * least one visible character, and may hold no control characters and no bidirectional
 * overrides, embeddings, isolates or marks, which make text display as something other
 * than what was stored ("Morgan\u202E" tricks).
 */
import { z } from "./zod";

const CONTROL = /\p{Cc}/u;
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/** Anything but spaces, format characters (zero-width and the like), combining marks alone and blank-looking letters. */
const VISIBLE = /[^\p{Z}\p{Cc}\p{Cf}\p{M}\s\u115F\u1160\u2800\u3164\uFFA0]/u;

export function visibleText(schema: z.ZodString) {
  return schema
    .refine((text) => !CONTROL.test(text), { error: "Remove control characters such as tabs or line breaks" })
    .refine((text) => !BIDI_CONTROLS.test(text), { error: "Remove the characters that reverse the direction of text" })
    .refine((text) => text === "" || VISIBLE.test(text), { error: "Use visible characters" });
}
