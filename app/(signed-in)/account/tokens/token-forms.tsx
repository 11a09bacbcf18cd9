"use client";

import { ActionForm, Field, SelectField } from "@/components/ui/form";
import { createApiTokenAction, revokeApiTokenAction } from "./actions";

type Option = { value: string; label: string };

export function CreateTokenForm({ scopes, teams, expiries }: { scopes: Option[]; teams: Option[]; expiries: Option[] }) {
  return (
    <ActionForm action={createApiTokenAction} submitLabel="Create token">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="name" label="Name" required maxLength={80} hint="What uses it, e.g. “weekly sanity CI”." />
        <SelectField name="expiresInDays" label="Expires" options={expiries} defaultValue="90" />
        <SelectField
          name="scopes"
          label="May"
          options={scopes}
          multiple
          hint="Hold Ctrl or ⌘ to pick several. A token never does more than you may."
        />
        <SelectField name="teams" label="For teams" options={teams} multiple hint="None picked: every team you may act for." />
      </div>
    </ActionForm>
  );
}

export function RevokeTokenForm({ id, name }: { id: number; name: string }) {
  return (
    <ActionForm
      action={revokeApiTokenAction}
      submitLabel={`Revoke ${name}`}
      pendingLabel="Revoking…"
      variant="danger"
      className="flex flex-wrap items-center gap-2"
    >
      <input type="hidden" name="id" value={id} />
    </ActionForm>
  );
}
