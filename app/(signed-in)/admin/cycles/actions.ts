"use server";

import { refresh } from "next/cache";
import { formValues, toActionFailure, type ActionResult } from "@/lib/action-result";
import { getCurrentActor } from "@/lib/dal/actor";
import { RECAP_SECTION } from "@/lib/domain";
import { addGathering, addMilestone, addTopic, createCycleFromTemplate, createMetricDefinition, editCycleDetails, editGathering, editGatheringRecap, editMetricDefinition, getCyclesForManaging, editMilestone, editTopic, setCycleStatus, setMilestoneDone } from "@/lib/dal/cycle-admin";
import { cycleDetailsSchema, cycleStatusSchema, editGatheringSchema, editMetricDefinitionSchema, editMilestoneSchema, editTopicSchema, gatheringRecapSchema, gatheringSchema, metricDefinitionSchema, milestoneDoneSchema, milestoneSchema, newCycleSchema, topicSchema } from "@/lib/validation/cycle";

// Server actions are public POST endpoints: the data layer checks permission on every call.

/** Parse, run, refresh the page: the shape every cycle-management form shares. */
async function run(formData: FormData, work: (values: Record<string, string>) => Promise<string> | string): Promise<ActionResult> {
  const values = formValues(formData);
  try {
    const message = await work(values);
    refresh();
    return { ok: true, message };
  } catch (error) {
    return toActionFailure(error, values);
  }
}

export async function createCycleAction(_state: ActionResult | null, formData: FormData) {
  return run(formData, async (values) => {
    createCycleFromTemplate({ actor: await getCurrentActor(), input: newCycleSchema.parse(values) });
    return `Created ${values.name}.`;
  });
}

export async function setCycleStatusAction(_state: ActionResult | null, formData: FormData) {
  return run(formData, async (values) => {
    setCycleStatus({ actor: await getCurrentActor(), input: cycleStatusSchema.parse(values) });
    return "Status saved.";
  });
}

export async function addMilestoneAction(_state: ActionResult | null, formData: FormData) {
  return run(formData, async (values) => {
    addMilestone({ actor: await getCurrentActor(), input: milestoneSchema.parse({ ...values, doneOn: values.doneOn || null }) });
    return `Added ${values.name}.`;
  });
}

export async function setMilestoneDoneAction(_state: ActionResult | null, formData: FormData) {
  return run(formData, async (values) => {
    const { id, doneOn } = milestoneDoneSchema.parse(values);
    setMilestoneDone({ actor: await getCurrentActor(), id, doneOn });
    return doneOn ? "Marked done." : "Marked not done.";
  });
}

export async function addTopicAction(_state: ActionResult | null, formData: FormData) {
  return run(formData, async (values) => {
    addTopic({ actor: await getCurrentActor(), input: topicSchema.parse(values) });
    return `Added "${values.title}".`;
  });
}

export async function createMetricAction(_state: ActionResult | null, formData: FormData) {
  return run(formData, async (values) => {
    createMetricDefinition({ actor: await getCurrentActor(), input: metricDefinitionSchema.parse(values) });
    return `Defined ${values.label}.`;
  });
}

export async function editCycleDetailsAction(_state: ActionResult | null, formData: FormData) {
  return run(formData, async (values) => {
    editCycleDetails({ actor: await getCurrentActor(), input: cycleDetailsSchema.parse(values) });
    return "Dates and summary saved.";
  });
}

export async function editMilestoneAction(_state: ActionResult | null, formData: FormData) {
  return run(formData, async (values) => {
    editMilestone({ actor: await getCurrentActor(), input: editMilestoneSchema.parse(values) });
    return "Milestone saved.";
  });
}

export async function editTopicAction(_state: ActionResult | null, formData: FormData) {
  return run(formData, async (values) => {
    editTopic({ actor: await getCurrentActor(), input: editTopicSchema.parse(values) });
    return "Topic saved.";
  });
}

export async function addGatheringAction(_state: ActionResult | null, formData: FormData) {
  return run(formData, async (values) => {
    addGathering({ actor: await getCurrentActor(), input: gatheringSchema.parse(values) });
    return `Added ${values.name}.`;
  });
}

export async function editGatheringAction(_state: ActionResult | null, formData: FormData) {
  return run(formData, async (values) => {
    editGathering({ actor: await getCurrentActor(), input: editGatheringSchema.parse(values) });
    return "Gathering saved.";
  });
}

/** Ticked boxes named `prefix:value`; every box ticked means "all", so teams added later are in too. */
function ticked(values: Record<string, string>, prefix: string, all: readonly string[]): string[] | null {
  const chosen = Object.keys(values).filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
  return chosen.length === all.length && all.every((v) => chosen.includes(v)) ? null : chosen;
}

export async function editGatheringRecapAction(_state: ActionResult | null, formData: FormData) {
  return run(formData, async (values) => {
    const actor = await getCurrentActor();
    const teams = getCyclesForManaging({ actor }).teams.map((t) => t.slug);
    const input = gatheringRecapSchema.parse({ id: values.id, intro: values.intro, closing: values.closing, teams: ticked(values, "team:", teams), sections: ticked(values, "section:", RECAP_SECTION) });
    editGatheringRecap({ actor, input });
    return "Recap saved.";
  });
}

export async function editMetricAction(_state: ActionResult | null, formData: FormData) {
  return run(formData, async (values) => {
    editMetricDefinition({ actor: await getCurrentActor(), input: editMetricDefinitionSchema.parse({ ...values, retired: values.retired === "on" }) });
    return "Metric saved.";
  });
}
