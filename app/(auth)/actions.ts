"use server";

import { isAPIError } from "better-auth/api";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { refuse } from "@/lib/http/action-result";
import { getAuth } from "@/lib/dal/identity/auth";
import { clientAddress } from "@/lib/http/client-address";
import { recordPasswordChange } from "@/lib/dal/people/admin";
import { safeNextPath } from "@/lib/http/safe-redirect";
import { formAction } from "@/lib/http/server-action";
import { passwordAttemptWait, tryAgainMessage } from "@/lib/sign-in-throttle";
import { changePasswordSchema, signInSchema } from "@/lib/validation/auth";

export const signInAction = formAction(
  signInSchema,
  async ({ input: { email, password, next } }) => {
    const h = await headers();
    try {
      await getAuth().api.signInEmail({ body: { email, password }, headers: h });
    } catch {
      // Asked after the attempt, so the failure that used up the last try already says so.
      const wait = await passwordAttemptWait(email, clientAddress(h));
      return refuse(wait > 0 ? tryAgainMessage(wait) : "Wrong email or password.");
    }
    return { message: "Signed in.", redirectTo: safeNextPath(next) };
  },
  { secret: ["password"] },
);

/** A plain form's action with no answer but the redirect to the identity provider. */
export async function signInWithSsoAction(formData: FormData): Promise<void> {
  const result = await getAuth().api.signInSocial({
    body: { provider: "oidc", callbackURL: safeNextPath(String(formData.get("next") ?? "/")) },
    headers: await headers(),
  });
  if (result.url) redirect(result.url as never);
}

/** Takes no input and answers nothing: the account menu reloads the page after it. */
export async function signOutAction(): Promise<void> {
  await getAuth().api.signOut({ headers: await headers() });
}

export const changePasswordAction = formAction(
  changePasswordSchema,
  async ({ actor, input }) => {
    if (actor.kind !== "person") return refuse("Sign in first.");
    try {
      await getAuth().api.changePassword({
        body: { currentPassword: input.currentPassword, newPassword: input.newPassword, revokeOtherSessions: true },
        headers: await headers(),
      });
    } catch (error) {
      // The password throttle (lib/dal/identity/auth.ts's hooks) answers 429 with how long to wait.
      if (isAPIError(error) && error.statusCode === 429) return refuse(error.message);
      return refuse("The current password is not right.", { currentPassword: ["The current password is not right."] });
    }
    recordPasswordChange(actor);
    return { message: "Password changed. Your other sessions were signed out." };
  },
  { secret: ["currentPassword", "newPassword", "confirmPassword"] },
);
