/** zod schemas for the inbox, following and email preferences, shared by forms and actions. */
import { EMAIL_DELIVERY, NOTIFICATION_KIND, type EmailDelivery, type NotificationKind } from "@/lib/domain";
import { z } from "./zod";

const id = z.coerce.number({ error: "Pick a notification" }).int().positive({ error: "Pick a notification" });

export const markReadSchema = z.object({ id });
export type MarkReadInput = z.infer<typeof markReadSchema>;

export const followSchema = z.object({
  subject: z.enum(["team", "cycle"], { error: "Follow a team or a cycle" }),
  slug: z.string().trim().min(1, { error: "Name the team or cycle" }).max(120),
  following: z.boolean({ error: "Say whether to follow" }),
});
export type FollowInput = z.infer<typeof followSchema>;

/** One choice per kind; the form sends each as a field named after the kind. */
export const emailPreferencesSchema = z.object(
  Object.fromEntries(
    NOTIFICATION_KIND.map((kind) => [kind, z.enum(EMAIL_DELIVERY, { error: "Choose at once, daily digest or off" })]),
  ) as Record<NotificationKind, z.ZodEnum<{ [K in EmailDelivery]: K }>>,
);
export type EmailPreferencesInput = z.infer<typeof emailPreferencesSchema>;
