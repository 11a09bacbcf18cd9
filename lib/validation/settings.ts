/** zod schema for the community settings form. */
import { z } from "./zod";
import { visibleText } from "./text";

const optionalUrl = z
  .string()
  .trim()
  .max(2_000)
  .refine((v) => v === "" || /^https?:\/\/\S+$/.test(v), { error: "Enter a full http(s) address, or leave it empty" })
  .transform((v) => (v === "" ? null : v));

export const settingsSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: "Enter the community's name" })
    .max(80, { error: "Keep the name under 80 characters" })
    .check(visibleText),
  description: z.string().trim().max(500, { error: "Keep the description under 500 characters" }),
  websiteUrl: optionalUrl,
  docsUrl: optionalUrl,
  mailingListUrl: optionalUrl,
  codeUrl: optionalUrl,
  privateMode: z.boolean(),
  reminderLeadDays: z.coerce
    .number({ error: "Enter a number of days" })
    .int({ error: "Enter whole days" })
    .min(0, { error: "Use 0 to 90 days" })
    .max(90, { error: "Use 0 to 90 days" }),
  staleUpdateDays: z.coerce
    .number({ error: "Enter a number of days" })
    .int({ error: "Enter whole days" })
    .min(1, { error: "Use 1 to 365 days" })
    .max(365, { error: "Use 1 to 365 days" }),
});

export type SettingsInput = z.infer<typeof settingsSchema>;
