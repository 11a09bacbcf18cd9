"use client";

import { ActionForm, CheckboxField, Field, SelectField } from "@/components/ui/form";
import type { PersonRow } from "@/lib/dal/people/admin";
import { ROLE_LABELS } from "@/lib/domain";
import { createPersonAction, editPersonAction } from "../actions";

const ROLE_OPTIONS = (["member", "release_manager", "admin"] as const).map((role) => ({
  value: role,
  label: role === "member" ? `${ROLE_LABELS.member} (leads only the teams chosen below)` : ROLE_LABELS[role],
}));

type TeamOption = { value: string; label: string };

export function CreatePersonForm({ teams }: { teams: TeamOption[] }) {
  return (
    <ActionForm action={createPersonAction} submitLabel="Create account">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="name" label="Name" required maxLength={120} />
        <Field name="email" label="Email" type="email" required />
        <SelectField name="role" label="Role" options={ROLE_OPTIONS} defaultValue="member" />
        <SelectField name="leads" label="Leads teams" options={teams} multiple hint="Hold Ctrl or ⌘ to pick several." />
      </div>
    </ActionForm>
  );
}

export function EditPersonForm({ person, teams }: { person: PersonRow; teams: TeamOption[] }) {
  return (
    <ActionForm action={editPersonAction} submitLabel={`Save ${person.name}`} variant="secondary">
      <input type="hidden" name="id" value={person.id} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="name" label="Name" defaultValue={person.name} required />
        <SelectField name="role" label="Role" options={ROLE_OPTIONS} defaultValue={person.role} />
        <SelectField name="leads" label="Leads teams" options={teams} multiple defaultValue={person.leads.map((l) => l.slug)} />
        <CheckboxField
          name="active"
          label="Active"
          defaultChecked={person.active}
          hint="A deactivated person is signed out at once and cannot sign in."
        />
      </div>
    </ActionForm>
  );
}
