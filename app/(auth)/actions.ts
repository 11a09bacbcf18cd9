"use server";

import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { failure, formValues, toActionFailure, type ActionResult } from "@/lib/action-result";
import { getAuth } from "@/lib/dal/auth";
import { clientAddress } from "@/lib/client-address";
import { safeNextPath } from "@/lib/safe-redirect";
import { passwordAttemptWait, tryAgainMessage } from "@/lib/sign-in-throttle";
import { changePasswordSchema, signInSchema } from "@/lib/validation/auth";
import { getCurrentActor } from "@/lib/dal/actor";
import { recordPasswordChange } from "@/lib/dal/people";

export async function signInAction(_state: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData);
  delete values.password;
  const parsed = signInSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return toActionFailure(parsed.error, values);
  const { email, password, next } = parsed.data;

  const h = await headers();
  try {
    await getAuth().api.signInEmail({ body: { email, password }, headers: h });
  } catch {
    // Asked after the attempt, so the failure that used up the last try already says so.
    const wait = await passwordAttemptWait(email, clientAddress(h));
    return failure(values, wait > 0 ? tryAgainMessage(wait) : "Wrong email or password.");
  }
  return { ok: true, message: "Signed in.", redirectTo: safeNextPath(next) };
}

export async function signInWithSsoAction(formData: FormData): Promise<void> {
  const result = await getAuth().api.signInSocial({
    body: { provider: "oidc", callbackURL: safeNextPath(String(formData.get("next") ?? "/")) },
    headers: await headers(),
  });
  if (result.url) redirect(result.url as never);
}

export async function signOutAction(): Promise<void> {
  await getAuth().api.signOut({ headers: await headers() });
}

export async function changePasswordAction(_state: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const parsed = changePasswordSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return toActionFailure(parsed.error, {});
  const actor = await getCurrentActor();
  if (actor.kind !== "person") return failure({}, "Sign in first.");
  try {
    await getAuth().api.changePassword({
      body: { currentPassword: parsed.data.currentPassword, newPassword: parsed.data.newPassword, revokeOtherSessions: true },
      headers: await headers(),
    });
  } catch (error) {
    // The password throttle (lib/dal/auth.ts's hooks) answers 429 with how long to wait.
    if (isAPIError(error) && error.statusCode === 429) return failure({}, error.message);
    return failure({}, "The current password is not right.", { currentPassword: ["The current password is not right."] });
  }
  recordPasswordChange(actor);
  return { ok: true, message: "Password changed. Your other sessions were signed out." };
}
