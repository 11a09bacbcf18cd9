"use client";

import { signInAction } from "../actions";
import { ActionForm, Field } from "@/components/ui/form";

export function SignInForm({ next }: { next: string }) {
  return (
    <ActionForm action={signInAction} submitLabel="Sign in" pendingLabel="Signing in…">
      <input type="hidden" name="next" value={next} />
      <Field name="email" label="Email" type="email" autoComplete="username" required />
      <Field name="password" label="Password" type="password" autoComplete="current-password" required />
    </ActionForm>
  );
}
