"use client";

import { emailPreferencesAction } from "@/app/(signed-in)/inbox/actions";
import { ActionForm, SelectField } from "@/components/ui/form";
import { NOTIFICATION_KIND, NOTIFICATION_KINDS, type EmailDelivery, type NotificationKind } from "@/lib/domain";

const OPTIONS = [
  { value: "at_once", label: "At once" },
  { value: "daily", label: "Daily digest" },
  { value: "off", label: "Off" },
] as const satisfies readonly { value: EmailDelivery; label: string }[];

/** One choice per kind of notification; the inbox shows every kind whatever is chosen here. */
export function EmailPreferencesForm({ choices }: { choices: Record<NotificationKind, EmailDelivery> }) {
  return (
    <ActionForm action={emailPreferencesAction} submitLabel="Save email preferences">
      {NOTIFICATION_KIND.map((kind) => (
        <SelectField key={kind} name={kind} label={NOTIFICATION_KINDS[kind].label} options={OPTIONS} defaultValue={choices[kind]} />
      ))}
    </ActionForm>
  );
}
