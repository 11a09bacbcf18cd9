"use client";

import { useRef, type ChangeEvent } from "react";
import { ActionForm, Field, SelectField } from "@/components/ui/form";
import { suggestSlug } from "@/lib/validation/team";
import { arrangeTeamAction, createTeamAction, editTeamAction } from "../actions";

export function CreateTeamForm() {
  /** The slug last suggested: the slug follows the name until someone types one of their own. */
  const suggested = useRef("");
  function followName(event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) {
    const slug = event.currentTarget.form?.elements.namedItem("slug");
    if (!(slug instanceof HTMLInputElement) || (slug.value !== "" && slug.value !== suggested.current)) return;
    suggested.current = suggestSlug(event.currentTarget.value);
    slug.value = suggested.current;
  }
  return (
    <ActionForm action={createTeamAction} submitLabel="Create team">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="name" label="Name" required onChange={followName} />
        <Field name="slug" label="Slug" hint="Suggested from the name; lowercase letters, digits and dashes, used in addresses." required />
      </div>
      <Field name="mission" label="Mission" multiline hint="A sentence or two of Markdown." />
    </ActionForm>
  );
}

export function EditTeamForm({
  team,
  shepherds,
}: {
  team: { id: number; name: string; slug: string; mission: string; shepherdId: string | null };
  shepherds: { value: string; label: string }[];
}) {
  return (
    <ActionForm action={editTeamAction} submitLabel={`Save ${team.name}`} variant="secondary">
      <input type="hidden" name="id" value={team.id} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="name" label="Name" defaultValue={team.name} required />
        <Field name="slug" label="Slug" defaultValue={team.slug} required />
        <SelectField
          name="shepherdId"
          label="Release manager (shepherd)"
          options={[{ value: "", label: "None" }, ...shepherds]}
          defaultValue={team.shepherdId ?? ""}
        />
      </div>
      <Field name="mission" label="Mission" defaultValue={team.mission} multiline />
    </ActionForm>
  );
}

export function ArrangeTeamButton({ id, op, label }: { id: number; op: "up" | "down" | "archive" | "restore"; label: string }) {
  return (
    <ActionForm
      action={arrangeTeamAction}
      submitLabel={label}
      pendingLabel="…"
      variant="secondary"
      className="inline-flex items-center gap-1"
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="op" value={op} />
    </ActionForm>
  );
}
