/** zod schema for the community settings form. */
import { z } from "zod";

const optionalUrl = z
  .string()
  .trim()
  .max(2_000)
  .refine((v) => v === "" || /^https?:\/\/\S+$/.test(v), { error: "Enter a full http(s) address, or leave it empty" })
  .transform((v) => (v === "" ? null : v));

export const settingsSchema = z.object({
  name: z.string().trim().min(1, { error: "Enter the community's name" }).max(80, { error: "Keep the name under 80 characters" }),
  description: z.string().trim().max(500, { error: "Keep the description under 500 characters" }),
  websiteUrl: optionalUrl,
  docsUrl: optionalUrl,
  mailingListUrl: optionalUrl,
  codeUrl: optionalUrl,
  privateMode: z.boolean(),
});

export type SettingsInput = z.infer<typeof settingsSchema>;
