/** zod schemas for signing in and changing passwords, shared by the forms and their actions. */
import { z } from "./zod";

export const PASSWORD_LIMITS = { min: 12, max: 128 } as const;
/** Sessions end after a week; an active one is extended once a day. */
export const SESSION_LIFETIME_SECONDS = 60 * 60 * 24 * 7;

export const signInSchema = z.object({
  email: z.email({ error: "Enter the email address of your account" }).max(254),
  password: z.string().min(1, { error: "Enter your password" }).max(PASSWORD_LIMITS.max),
  next: z.string().optional(),
});

export const newPasswordSchema = z
  .string()
  .min(PASSWORD_LIMITS.min, { error: `Use at least ${PASSWORD_LIMITS.min} characters` })
  .max(PASSWORD_LIMITS.max, { error: `Use at most ${PASSWORD_LIMITS.max} characters` });

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, { error: "Enter your current password" }),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ["confirmPassword"], error: "The two new passwords differ" });

export type SignInInput = z.infer<typeof signInSchema>;
