/** zod schemas for help requests, shared by the team's help page, its actions and the API. */
import { renderableMarkdown } from "./markdown";
import { z } from "./zod";
import { visibleText } from "./text";

export const HELP_REQUEST_LIMITS = { title: 160, details: 4_000, contact: 200, name: 120 } as const;

/** Forms send "" for an empty optional field; the database keeps null. */
const blankToNull = (value: unknown) => (value === "" || value === undefined ? null : value);

export const openHelpRequestSchema = z.object({
  team: z.string().min(1, { error: "Pick a team" }),
  cycle: z.string().min(1, { error: "Pick a cycle" }),
  title: z
    .string()
    .trim()
    .min(1, { error: "Say in one line what help is needed" })
    .max(HELP_REQUEST_LIMITS.title, { error: `Keep the title under ${HELP_REQUEST_LIMITS.title} characters` })
    .check(visibleText),
  details: z
    .string()
    .trim()
    .max(HELP_REQUEST_LIMITS.details, { error: `Keep the details under ${HELP_REQUEST_LIMITS.details.toLocaleString("en-US")} characters` })
    .check(renderableMarkdown),
  linkUrl: z.preprocess(
    blankToNull,
    z
      .url({ protocol: /^https?$/, error: "Enter a full http(s) address" })
      .max(2_000)
      .nullable(),
  ),
  contact: z
    .string()
    .trim()
    .max(HELP_REQUEST_LIMITS.contact, { error: `Keep the contact under ${HELP_REQUEST_LIMITS.contact} characters` }),
  roadmapItemId: z.preprocess(
    (v) => (blankToNull(v) === null ? null : Number(v)),
    z.number({ error: "Pick a roadmap item" }).int().positive().nullable(),
  ),
});

export const assignHelpRequestSchema = z
  .object({
    id: z.coerce.number().int().positive(),
    ownerId: z.preprocess(blankToNull, z.string().nullable()),
    takenByName: z.preprocess(
      blankToNull,
      z
        .string()
        .trim()
        .max(HELP_REQUEST_LIMITS.name, { error: `Keep the name under ${HELP_REQUEST_LIMITS.name} characters` })
        .check(visibleText)
        .nullable(),
    ),
  })
  .check((ctx) => {
    const { ownerId, takenByName } = ctx.value;
    if (!ownerId && !takenByName)
      ctx.issues.push({
        code: "custom",
        input: ctx.value,
        path: ["ownerId"],
        message: "Pick a person, or type the name of the newcomer who took it",
      });
    if (ownerId && takenByName)
      ctx.issues.push({
        code: "custom",
        input: ctx.value,
        path: ["takenByName"],
        message: "Either a person here or a newcomer's name, not both",
      });
  });

export const closeHelpRequestSchema = z.object({
  id: z.coerce.number().int().positive(),
  status: z.enum(["resolved", "dropped"], { error: "Say whether it was resolved or dropped" }),
});

/** Moving a request still wanted to another cycle, by hand. */
export const moveHelpRequestSchema = z.object({
  id: z.coerce.number().int().positive(),
  cycle: z.string().min(1, { error: "Pick the cycle to move it to" }),
});

export type OpenHelpRequestInput = z.infer<typeof openHelpRequestSchema>;
export type AssignHelpRequestInput = z.infer<typeof assignHelpRequestSchema>;
export type CloseHelpRequestInput = z.infer<typeof closeHelpRequestSchema>;
export type MoveHelpRequestInput = z.infer<typeof moveHelpRequestSchema>;
