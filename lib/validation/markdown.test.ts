import { describe, expect, it } from "vitest";
import { FREEZE_PAYLOADS, unrelatedWords } from "@/e2e/support/freeze-payloads";
import { markdownProblem, MARKDOWN_LIMITS } from "@/lib/markdown-bounds";
import { createCycleSchema, cycleDetailsSchema, topicSchema } from "./cycle";
import { openHelpRequestSchema } from "./help-requests";
import { requestChangesSchema } from "./review";
import { teamFieldsSchema } from "./team";
import { updateContentSchema } from "./update";
import { z } from "./zod";

const validUpdate = {
  headline: "Docs 10.0",
  health: "on_track",
  summary: "",
  done: "",
  inProgress: "",
  planned: "",
  risks: "",
  helpWanted: "",
  privateNote: "",
};

function fieldErrors(schema: z.ZodType, input: unknown): Record<string, string[] | undefined> {
  const result = schema.safeParse(input);
  return result.success ? {} : (z.flattenError(result.error).fieldErrors as Record<string, string[] | undefined>);
}

describe("Markdown that would freeze a page", () => {
  for (const [name, payload] of Object.entries(FREEZE_PAYLOADS)) {
    it(`refuses the ${name} payload in an update section, naming the field`, () => {
      expect(payload.length).toBeLessThanOrEqual(20_000);
      const errors = fieldErrors(updateContentSchema, { ...validUpdate, summary: payload });
      expect(Object.keys(errors)).toEqual(["summary"]);
      expect(errors.summary![0]).toMatch(/^(Use|Nest|Keep)/);
    });
  }

  it("says what to change", () => {
    expect(markdownProblem("*a".repeat(10_000))).toBe(
      `Use at most ${MARKDOWN_LIMITS.delimiters} “*”, “_” or “~” in one paragraph, list item or table row (a blank line starts a new paragraph)`,
    );
    expect(markdownProblem("> ".repeat(10_000))).toBe(`Nest quotes and lists at most ${MARKDOWN_LIMITS.depth} deep`);
    expect(markdownProblem("[".repeat(20_000))).toMatch(/^Use at most 300 “\[”/);
    expect(markdownProblem(FREEZE_PAYLOADS.wideTable)).toBe(`Keep tables to at most ${MARKDOWN_LIMITS.columns} columns`);
  });

  it("checks every Markdown field, not only update sections", () => {
    const payload = FREEZE_PAYLOADS.quotes.slice(0, 1_000);
    const fields = [
      ...Object.values(
        updateContentSchema.pick({ summary: true, done: true, inProgress: true, planned: true, risks: true, helpWanted: true }).shape,
      ),
      teamFieldsSchema.shape.mission,
      createCycleSchema.shape.summary,
      cycleDetailsSchema.shape.summary,
      topicSchema.shape.notes,
      openHelpRequestSchema.shape.details,
      requestChangesSchema.shape.body,
    ];
    for (const field of fields) {
      expect(field.safeParse("> a quote, **bold** and [a link](https://example.org)").success).toBe(true);
      expect(field.safeParse(payload).error?.issues[0]?.message).toBe(`Nest quotes and lists at most ${MARKDOWN_LIMITS.depth} deep`);
    }
  });

  it("accepts long ordinary writing: paragraphs, tight lists with links and emphasis, an outline, tables, code", () => {
    const fill = (unit: string) => unit.repeat(Math.floor(20_000 / unit.length));
    const samples = [
      fill(
        "StarlingX 10.0 moves to **kernel 6.6** and *Debian 12*; see [the spec](https://docs.starlingx.io/specs/10.0) and `system host-list`.\n\n",
      ),
      fill("- **Kernel** 6.6 is [merged](https://review.opendev.org/c/starlingx/kernel/+/912345), ~~5.10~~ dropped\n"),
      fill(
        "1. Upgrade [docs](https://docs.starlingx.io) for _subclouds_ and the **system controller**\n   - check `CONFIG_SNAKE_CASE_NAME` and `some_python_function()` on each host\n",
      ),
      "| Test | Result | Link |\n|---|---|---|\n" + "| **sanity** | pass | [log](https://logs.example.org/a) |\n".repeat(330),
      "```sh\n" + fill('for f in *.yaml; do kubectl apply -f "$f"; done # [x] __init__\n').slice(0, 19_000) + "\n```",
      "> quoted from the mailing list\n> > and its reply\n\n" + unrelatedWords(1, 19_000),
    ];
    for (const sample of samples) expect(markdownProblem(sample), sample.slice(0, 80)).toBeNull();
  });

  it("counts a table row by row only when it surely is a table", () => {
    const rows = `| ${"*a".repeat(200)} |\n`.repeat(3);
    expect(markdownProblem(`| h |\n| - |\n${rows}`)).toBeNull();
    // A header that continues a paragraph makes no table: all of it is one paragraph.
    expect(markdownProblem(`text\n| h |\n| - |\n${rows}`)).toMatch(/^Use at most 500/);
    expect(markdownProblem(`| h | h |\n| - |\n${rows}`)).toMatch(/^Use at most 500/);
  });
});
