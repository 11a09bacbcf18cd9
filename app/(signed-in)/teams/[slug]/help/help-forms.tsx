"use client";

import { ActionForm, Field, SelectField } from "@/components/ui/form";
import type { HelpRequestsForEditing } from "@/lib/dal/help-requests/editor";
import { HELP_REQUEST_LIMITS } from "@/lib/validation/help-requests";
import { assignHelpRequestAction, closeHelpRequestAction, moveHelpRequestAction, openHelpRequestAction } from "./actions";

export function OpenHelpRequestForm({ editing }: { editing: HelpRequestsForEditing }) {
  return (
    <ActionForm action={openHelpRequestAction} submitLabel="Open help request" pendingLabel="Opening…">
      <input type="hidden" name="team" value={editing.team.slug} />
      <Field
        name="title"
        label="What help is needed"
        maxLength={HELP_REQUEST_LIMITS.title}
        hint="One line, e.g. “Review the Arm support patches”."
      />
      <Field
        name="details"
        label="Details"
        multiline
        maxLength={HELP_REQUEST_LIMITS.details}
        hint="Markdown. What a newcomer needs to know to start."
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="linkUrl" label="Link" type="url" hint="Where the work is: a review query, a story, a pad." />
        <Field name="contact" label="Contact" maxLength={HELP_REQUEST_LIMITS.contact} hint="How to reach the team about it." />
        <SelectField
          name="cycle"
          label="Cycle"
          options={editing.cycles.map((c) => ({ value: c.slug, label: c.name }))}
          defaultValue={editing.cycles[0]?.slug}
        />
        <SelectField
          name="roadmapItemId"
          label="Roadmap item (optional)"
          options={[
            { value: "", label: "None" },
            ...editing.roadmapItems.map((i) => ({ value: String(i.id), label: `${i.title} (${i.cycleName})` })),
          ]}
          defaultValue=""
        />
      </div>
    </ActionForm>
  );
}

export function AssignHelpRequestForm({
  request,
  people,
}: {
  request: HelpRequestsForEditing["requests"][number];
  people: HelpRequestsForEditing["people"];
}) {
  return (
    <ActionForm action={assignHelpRequestAction} submitLabel="Mark as taken" variant="secondary" className="space-y-3">
      <input type="hidden" name="id" value={request.id} />
      <div className="grid gap-3 sm:grid-cols-2">
        <SelectField
          name="ownerId"
          label="Taken by someone here"
          options={[{ value: "", label: "Nobody here" }, ...people.map((p) => ({ value: p.id, label: p.name }))]}
          defaultValue=""
        />
        <Field name="takenByName" label="Or by a newcomer (name)" maxLength={HELP_REQUEST_LIMITS.name} />
      </div>
    </ActionForm>
  );
}

export function CloseHelpRequestForm({ id, status }: { id: number; status: "resolved" | "dropped" }) {
  return (
    <ActionForm
      action={closeHelpRequestAction}
      submitLabel={status === "resolved" ? "Resolved" : "Drop"}
      variant={status === "resolved" ? "primary" : "secondary"}
      className="inline-block"
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="status" value={status} />
    </ActionForm>
  );
}

/** Another cycle for a request still wanted: one in planning or under way. */
export function MoveHelpRequestForm({
  request,
  cycles,
}: {
  request: HelpRequestsForEditing["requests"][number];
  cycles: HelpRequestsForEditing["cycles"];
}) {
  const targets = cycles.filter((c) => c.slug !== request.cycleSlug);
  if (targets.length === 0) return null;
  return (
    <ActionForm action={moveHelpRequestAction} submitLabel="Move" variant="secondary" className="space-y-3">
      <input type="hidden" name="id" value={request.id} />
      <SelectField
        name="cycle"
        label="Move to"
        options={targets.map((c) => ({ value: c.slug, label: c.name }))}
        defaultValue={targets[0]!.slug}
      />
    </ActionForm>
  );
}
