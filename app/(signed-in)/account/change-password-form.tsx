"use client";

import { changePasswordAction } from "@/app/(auth)/actions";
import { ActionForm, Field } from "@/components/ui/form";

export function ChangePasswordForm({ minLength }: { minLength: number }) {
  return (
    <ActionForm action={changePasswordAction} submitLabel="Change password">
      <Field name="currentPassword" label="Current password" type="password" autoComplete="current-password" required />
      <Field
        name="newPassword"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${minLength} characters.`}
        required
      />
      <Field name="confirmPassword" label="New password, again" type="password" autoComplete="new-password" required />
    </ActionForm>
  );
}
