"use server";

import { refresh } from "next/cache";
import {
  addGathering,
  addMilestone,
  addTopic,
  createCycleFromTemplate,
  createMetricDefinition,
  editCycleDetails,
  editGathering,
  editGatheringRecap,
  editMetricDefinition,
  editMilestone,
  editTopic,
  setCycleStatus,
  setMilestoneDone,
} from "@/lib/dal/cycles/admin";
import { formAction } from "@/lib/http/server-action";
import {
  cycleDetailsSchema,
  cycleStatusSchema,
  editGatheringSchema,
  editMetricDefinitionSchema,
  editMilestoneSchema,
  editTopicSchema,
  gatheringRecapSchema,
  gatheringSchema,
  metricDefinitionSchema,
  milestoneDoneSchema,
  milestoneSchema,
  newCycleSchema,
  topicSchema,
} from "@/lib/validation/cycle";

export const createCycleAction = formAction(newCycleSchema, ({ actor, input, values }) => {
  createCycleFromTemplate({ actor, input });
  refresh();
  return { message: `Created ${values.name}.` };
});

export const setCycleStatusAction = formAction(cycleStatusSchema, ({ actor, input }) => {
  setCycleStatus({ actor, input });
  refresh();
  return { message: "Status saved." };
});

export const addMilestoneAction = formAction(
  milestoneSchema,
  ({ actor, input, values }) => {
    addMilestone({ actor, input });
    refresh();
    return { message: `Added ${values.name}.` };
  },
  { fields: (values) => ({ ...values, doneOn: values.doneOn || null }) },
);

export const setMilestoneDoneAction = formAction(milestoneDoneSchema, ({ actor, input: { id, doneOn } }) => {
  setMilestoneDone({ actor, id, doneOn });
  refresh();
  return { message: doneOn ? "Marked done." : "Marked not done." };
});

export const addTopicAction = formAction(topicSchema, ({ actor, input, values }) => {
  addTopic({ actor, input });
  refresh();
  return { message: `Added "${values.title}".` };
});

export const createMetricAction = formAction(metricDefinitionSchema, ({ actor, input, values }) => {
  createMetricDefinition({ actor, input });
  refresh();
  return { message: `Defined ${values.label}.` };
});

export const editCycleDetailsAction = formAction(cycleDetailsSchema, ({ actor, input }) => {
  editCycleDetails({ actor, input });
  refresh();
  return { message: "Dates and summary saved." };
});

export const editMilestoneAction = formAction(editMilestoneSchema, ({ actor, input }) => {
  editMilestone({ actor, input });
  refresh();
  return { message: "Milestone saved." };
});

export const editTopicAction = formAction(editTopicSchema, ({ actor, input }) => {
  editTopic({ actor, input });
  refresh();
  return { message: "Topic saved." };
});

export const addGatheringAction = formAction(gatheringSchema, ({ actor, input, values }) => {
  addGathering({ actor, input });
  refresh();
  return { message: `Added ${values.name}.` };
});

export const editGatheringAction = formAction(editGatheringSchema, ({ actor, input }) => {
  editGathering({ actor, input });
  refresh();
  return { message: "Gathering saved." };
});

/** The values of the ticked boxes named `prefix:value`. */
function ticked(values: Record<string, string>, prefix: string): string[] {
  return Object.keys(values)
    .filter((k) => k.startsWith(prefix))
    .map((k) => k.slice(prefix.length));
}

export const editGatheringRecapAction = formAction(
  gatheringRecapSchema,
  ({ actor, input }) => {
    editGatheringRecap({ actor, input });
    refresh();
    return { message: "Recap saved." };
  },
  {
    fields: (values) => ({
      id: values.id,
      intro: values.intro,
      closing: values.closing,
      teams: ticked(values, "team:"),
      sections: ticked(values, "section:"),
    }),
  },
);

export const editMetricAction = formAction(
  editMetricDefinitionSchema,
  ({ actor, input }) => {
    editMetricDefinition({ actor, input });
    refresh();
    return { message: "Metric saved." };
  },
  { fields: (values) => ({ ...values, retired: values.retired === "on" }) },
);
