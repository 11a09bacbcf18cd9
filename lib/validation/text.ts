/**
 * The one rule for one-line text people read as a name or a title (names, headlines,
 * titles, link labels): it must show something, and it must not reorder or hide what
 * surrounds it. Use it after the field's own trim and length checks:
 * `z.string().trim().min(1, …).max(80, …).check(visibleText)`.
 */
import { z } from "./zod";

/** Control characters (C0, DEL, C1): a one-line field has no use for them, and XML cannot carry most. */
const CONTROL = /\p{Cc}/u;
/** Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): they make text read backwards. */
const BIDI_OVERRIDE = /[\u202A-\u202E\u2066-\u2069]/u;
/** Something a reader can see: not a space, a control, a format or ignorable character (zero-width space, joiners), a lone combining mark, or a blank-looking letter (Hangul fillers, the blank braille pattern). */
const VISIBLE = /[^\p{White_Space}\p{Cc}\p{Cf}\p{M}\p{Default_Ignorable_Code_Point}\u115F\u1160\u2800\u3164\uFFA0]/u;

export const visibleText = z.superRefine<string>((value, ctx) => {
  // An empty value is the field's own min(1) to report.
  if (value === "") return;
  if (CONTROL.test(value)) ctx.addIssue({ code: "custom", message: "Remove the control characters (tabs, line breaks and the like)" });
  else if (BIDI_OVERRIDE.test(value))
    ctx.addIssue({ code: "custom", message: "Remove the right-to-left or left-to-right override characters" });
  else if (!VISIBLE.test(value)) ctx.addIssue({ code: "custom", message: "Use visible characters, not only spaces or invisible ones" });
});
