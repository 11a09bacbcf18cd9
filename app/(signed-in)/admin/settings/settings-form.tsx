"use client";

import { ActionForm, CheckboxField, Field } from "@/components/ui/form";
import { updateSettingsAction } from "../actions";

export function SettingsForm({
  settings,
}: {
  settings: {
    name: string;
    description: string;
    websiteUrl: string | null;
    docsUrl: string | null;
    mailingListUrl: string | null;
    codeUrl: string | null;
    privateMode: boolean;
    reminderLeadDays: number;
    staleUpdateDays: number;
  };
}) {
  return (
    <ActionForm action={updateSettingsAction} submitLabel="Save settings">
      <Field name="name" label="Community name" defaultValue={settings.name} required />
      <Field name="description" label="Description" defaultValue={settings.description} multiline />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="websiteUrl" label="Website" type="url" defaultValue={settings.websiteUrl ?? ""} />
        <Field name="docsUrl" label="Documentation" type="url" defaultValue={settings.docsUrl ?? ""} />
        <Field name="mailingListUrl" label="Mailing list" type="url" defaultValue={settings.mailingListUrl ?? ""} />
        <Field name="codeUrl" label="Code" type="url" defaultValue={settings.codeUrl ?? ""} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          name="reminderLeadDays"
          label="Remind teams this many days before a milestone"
          type="number"
          defaultValue={String(settings.reminderLeadDays)}
        />
        <Field
          name="staleUpdateDays"
          label="Before the first milestone, an update is due after this many days"
          type="number"
          defaultValue={String(settings.staleUpdateDays)}
        />
      </div>
      <CheckboxField
        name="privateMode"
        label="Private: only signed-in people can read"
        defaultChecked={settings.privateMode}
        hint="Everything but the sign-in page then asks visitors to sign in."
      />
    </ActionForm>
  );
}
