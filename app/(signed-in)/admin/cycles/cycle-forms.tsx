"use client";

import { ActionForm, CheckboxField, Field, SelectField } from "@/components/ui/form";
import {
  CYCLE_STATUS,
  METRIC_AGGREGATION,
  METRIC_DECIMALS,
  METRIC_DIRECTION,
  METRIC_KIND,
  METRIC_KIND_LABELS,
  RECAP_SECTION,
  RECAP_SECTION_LABELS,
} from "@/lib/domain";
import {
  addGatheringAction,
  addMilestoneAction,
  addTopicAction,
  createCycleAction,
  createMetricAction,
  editCycleDetailsAction,
  editGatheringAction,
  editGatheringRecapAction,
  editMetricAction,
  editMilestoneAction,
  editTopicAction,
  setCycleStatusAction,
  setMilestoneDoneAction,
} from "./actions";

const options = (values: readonly string[]) => values.map((v) => ({ value: v, label: v.replaceAll("_", " ") }));

export function NewCycleForm({ cycles }: { cycles: { slug: string; name: string }[] }) {
  return (
    <ActionForm action={createCycleAction} submitLabel="Create cycle">
      <div className="grid gap-4 sm:grid-cols-4">
        <Field name="name" label="Name" hint="e.g. 11.0" required />
        <Field name="startsOn" label="Starts on" type="date" required />
        <Field name="targetReleaseOn" label="Release planned on" type="date" required />
        <SelectField
          name="template"
          label="Copy milestones from"
          options={[{ value: "", label: "Nothing" }, ...cycles.map((c) => ({ value: c.slug, label: c.name }))]}
          defaultValue={cycles[0]?.slug ?? ""}
          hint="Shifted by the difference in start dates."
        />
      </div>
    </ActionForm>
  );
}

export function CycleStatusForm({
  cycle,
  status,
  releasedOn,
  today,
}: {
  cycle: string;
  status: string;
  releasedOn: string | null;
  today: string;
}) {
  return (
    <ActionForm
      action={setCycleStatusAction}
      submitLabel={`Save ${cycle} status`}
      variant="secondary"
      className="flex flex-wrap items-end gap-3"
    >
      <input type="hidden" name="cycle" value={cycle} />
      <SelectField name="status" label="Status" options={options(CYCLE_STATUS)} defaultValue={status} />
      <Field
        name="releasedOn"
        label="Released on"
        type="date"
        defaultValue={releasedOn ?? today}
        max={today}
        hint="When released: today, or the real day for history."
      />
    </ActionForm>
  );
}

export function AddMilestoneForm({ cycle }: { cycle: string }) {
  return (
    <ActionForm action={addMilestoneAction} submitLabel="Add milestone" variant="secondary" className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="cycle" value={cycle} />
      <Field name="name" label="Milestone" required />
      <Field name="dueOn" label="Due on" type="date" required />
    </ActionForm>
  );
}

/** Marks a milestone done on a day: today, or the real day when history is entered later. */
export function MilestoneDoneForm({ id, name, today }: { id: number; name: string; today: string }) {
  return (
    <ActionForm
      action={setMilestoneDoneAction}
      submitLabel={`Mark ${name} done`}
      variant="secondary"
      pendingLabel="…"
      className="flex flex-wrap items-end gap-2"
    >
      <input type="hidden" name="id" value={id} />
      <Field name="doneOn" label={`${name} done on`} type="date" defaultValue={today} max={today} />
    </ActionForm>
  );
}

export function ReopenMilestoneButton({ id, name }: { id: number; name: string }) {
  return (
    <ActionForm
      action={setMilestoneDoneAction}
      submitLabel={`Reopen ${name}`}
      variant="secondary"
      pendingLabel="…"
      className="inline-flex items-center gap-2"
    >
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="doneOn" value="" />
    </ActionForm>
  );
}

type TopicValues = { id: number; title: string; notes: string; outcome: string; decision: string; actionItems: string; gathering: string };
type GatheringChoice = { slug: string; name: string };

function TopicFields({ topic, gatherings }: { topic?: TopicValues; gatherings: GatheringChoice[] }) {
  return (
    <>
      <Field name="title" label="Topic" defaultValue={topic?.title} required />
      {gatherings.length > 0 ? (
        <SelectField
          name="gathering"
          label="Discussed at"
          options={[{ value: "", label: "No gathering" }, ...gatherings.map((g) => ({ value: g.slug, label: g.name }))]}
          defaultValue={topic?.gathering ?? ""}
          hint="Only that gathering's recap shows it."
        />
      ) : null}
      <Field name="notes" label="Notes" defaultValue={topic?.notes} multiline hint="Markdown." />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="outcome"
          label="Outcome"
          options={[
            { value: "no_decision", label: "No decision yet" },
            { value: "decision", label: "Decision" },
          ]}
          defaultValue={topic?.outcome ?? "no_decision"}
        />
        <Field name="decision" label="Decision" defaultValue={topic?.decision} hint="When there is one." />
      </div>
      <Field name="actionItems" label="Action items" defaultValue={topic?.actionItems} multiline hint="One per line: what — who." />
    </>
  );
}

export function AddTopicForm({ cycle, gatherings }: { cycle: string; gatherings: GatheringChoice[] }) {
  return (
    <ActionForm action={addTopicAction} submitLabel="Add topic" variant="secondary">
      <input type="hidden" name="cycle" value={cycle} />
      <TopicFields gatherings={gatherings} />
    </ActionForm>
  );
}

export function EditTopicForm({ cycle, topic, gatherings }: { cycle: string; topic: TopicValues; gatherings: GatheringChoice[] }) {
  return (
    <ActionForm action={editTopicAction} submitLabel={`Save ${topic.title}`} variant="secondary">
      <input type="hidden" name="cycle" value={cycle} />
      <input type="hidden" name="id" value={topic.id} />
      <TopicFields topic={topic} gatherings={gatherings} />
    </ActionForm>
  );
}

export function EditMilestoneForm({ milestone }: { milestone: { id: number; name: string; dueOn: string } }) {
  return (
    <ActionForm
      action={editMilestoneAction}
      submitLabel={`Save ${milestone.name}`}
      variant="secondary"
      className="flex flex-wrap items-end gap-3"
    >
      <input type="hidden" name="id" value={milestone.id} />
      <Field name="name" label="Milestone" defaultValue={milestone.name} required />
      <Field name="dueOn" label="Due on" type="date" defaultValue={milestone.dueOn} required />
    </ActionForm>
  );
}

export function CycleDetailsForm({ cycle }: { cycle: { slug: string; startsOn: string; targetReleaseOn: string; summary: string } }) {
  return (
    <ActionForm action={editCycleDetailsAction} submitLabel="Save dates and summary" variant="secondary">
      <input type="hidden" name="cycle" value={cycle.slug} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field name="startsOn" label="Starts on" type="date" defaultValue={cycle.startsOn} required />
        <Field name="targetReleaseOn" label="Release planned on" type="date" defaultValue={cycle.targetReleaseOn} required />
      </div>
      <Field name="summary" label="Theme or summary" defaultValue={cycle.summary} multiline hint="Markdown." />
    </ActionForm>
  );
}

type GatheringValues = {
  id: number;
  name: string;
  slug: string;
  startsOn: string;
  endsOn: string;
  websiteUrl: string | null;
  etherpadUrl: string | null;
  recordingUrl: string | null;
  wrapsCycle: string;
};
type CycleChoice = { slug: string; name: string };

function GatheringFields({ gathering, otherCycles }: { gathering?: GatheringValues; otherCycles: CycleChoice[] }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <SelectField
        name="wrapsCycle"
        label="Also wraps up"
        options={[{ value: "", label: "No other cycle" }, ...otherCycles.map((c) => ({ value: c.slug, label: c.name }))]}
        defaultValue={gathering?.wrapsCycle ?? ""}
        hint="The release it looks back on, when it sits between two."
      />
      <Field name="name" label="Gathering" defaultValue={gathering?.name} hint="e.g. October 2024 virtual PTG" required />
      <Field name="slug" label="Slug" defaultValue={gathering?.slug} hint="e.g. ptg-2024-10" required />
      <Field name="startsOn" label="From" type="date" defaultValue={gathering?.startsOn} required />
      <Field name="endsOn" label="To" type="date" defaultValue={gathering?.endsOn} required />
      <Field name="websiteUrl" label="Website" type="url" defaultValue={gathering?.websiteUrl ?? ""} />
      <Field name="etherpadUrl" label="Etherpad" type="url" defaultValue={gathering?.etherpadUrl ?? ""} />
      <Field name="recordingUrl" label="Recording" type="url" defaultValue={gathering?.recordingUrl ?? ""} />
    </div>
  );
}

export function AddGatheringForm({ cycle, otherCycles }: { cycle: string; otherCycles: CycleChoice[] }) {
  return (
    <ActionForm action={addGatheringAction} submitLabel="Add gathering" variant="secondary">
      <input type="hidden" name="cycle" value={cycle} />
      <GatheringFields otherCycles={otherCycles} />
    </ActionForm>
  );
}

export function EditGatheringForm({
  cycle,
  gathering,
  otherCycles,
}: {
  cycle: string;
  gathering: GatheringValues;
  otherCycles: CycleChoice[];
}) {
  return (
    <ActionForm action={editGatheringAction} submitLabel={`Save ${gathering.name}`} variant="secondary">
      <input type="hidden" name="cycle" value={cycle} />
      <input type="hidden" name="id" value={gathering.id} />
      <GatheringFields gathering={gathering} otherCycles={otherCycles} />
    </ActionForm>
  );
}

type RecapValues = {
  id: number;
  name: string;
  recapIntro: string;
  recapClosing: string;
  recapTeams: string[] | null;
  recapSections: string[] | null;
};

/** What the gathering's recap says around the teams, and which teams and sections it shows. */
export function GatheringRecapForm({ gathering, teams }: { gathering: RecapValues; teams: { slug: string; name: string }[] }) {
  return (
    <ActionForm action={editGatheringRecapAction} submitLabel={`Save the recap of ${gathering.name}`} variant="secondary">
      <input type="hidden" name="id" value={gathering.id} />
      <Field name="intro" label="Introduction" defaultValue={gathering.recapIntro} multiline hint="Markdown, before the teams' sections." />
      <Field name="closing" label="Closing" defaultValue={gathering.recapClosing} multiline hint="Markdown, at the end." />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Teams in the recap</legend>
        {teams.map((t) => (
          <CheckboxField
            key={t.slug}
            name={`team:${t.slug}`}
            label={t.name}
            defaultChecked={!gathering.recapTeams || gathering.recapTeams.includes(t.slug)}
          />
        ))}
      </fieldset>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Sections in the recap</legend>
        {RECAP_SECTION.map((s) => (
          <CheckboxField
            key={s}
            name={`section:${s}`}
            label={RECAP_SECTION_LABELS[s]}
            defaultChecked={!gathering.recapSections || gathering.recapSections.includes(s)}
          />
        ))}
      </fieldset>
    </ActionForm>
  );
}

const KIND_OPTIONS = METRIC_KIND.map((k) => ({ value: k, label: METRIC_KIND_LABELS[k] }));
const DIRECTION_OPTIONS = [
  { value: "higher_is_better", label: "higher (a version: newer)" },
  { value: "lower_is_better", label: "lower (a version: older)" },
];
const DECIMALS_HINT = `For a decimal: ${METRIC_DECIMALS.min} to ${METRIC_DECIMALS.max} decimals shown (2 if left empty).`;

export function EditMetricForm({
  metric,
}: {
  metric: { key: string; label: string; kind: string; decimals: number | null; direction: string; aggregation: string; retired: boolean };
}) {
  return (
    <ActionForm action={editMetricAction} submitLabel={`Save ${metric.label}`} variant="secondary">
      <input type="hidden" name="key" value={metric.key} />
      <div className="grid gap-4 sm:grid-cols-4">
        <Field name="label" label="Label" defaultValue={metric.label} required />
        <SelectField name="kind" label="Kind" options={KIND_OPTIONS} defaultValue={metric.kind} />
        <Field name="decimals" label="Decimals" type="number" defaultValue={metric.decimals?.toString() ?? ""} hint={DECIMALS_HINT} />
        <SelectField name="direction" label="Better when" options={DIRECTION_OPTIONS} defaultValue={metric.direction} />
        <SelectField
          name="aggregation"
          label="A cycle's figure is the"
          options={options(METRIC_AGGREGATION)}
          defaultValue={metric.aggregation}
        />
      </div>
      <CheckboxField name="retired" label="Retired (no longer asked for)" defaultChecked={metric.retired} />
    </ActionForm>
  );
}

export function NewMetricForm({ teams }: { teams: { slug: string; name: string }[] }) {
  return (
    <ActionForm action={createMetricAction} submitLabel="Define metric" variant="secondary">
      <div className="grid gap-4 sm:grid-cols-3">
        <Field name="label" label="Label" required />
        <Field name="key" label="Key" hint="e.g. sanity_runs" required />
        <SelectField
          name="team"
          label="Reported by"
          options={[{ value: "", label: "The whole community" }, ...teams.map((t) => ({ value: t.slug, label: t.name }))]}
          defaultValue=""
        />
        <SelectField name="kind" label="Kind" options={KIND_OPTIONS} defaultValue="count" />
        <Field name="decimals" label="Decimals" type="number" hint={DECIMALS_HINT} />
        <SelectField name="direction" label="Better when" options={DIRECTION_OPTIONS} defaultValue={METRIC_DIRECTION[0]} />
        <SelectField
          name="aggregation"
          label="A cycle's figure is the"
          options={options(METRIC_AGGREGATION)}
          defaultValue="sum"
          hint="sum of values, latest per team, or average; a version is always the latest."
        />
      </div>
    </ActionForm>
  );
}
