"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { formAction, inputAction } from "@/lib/http/server-action";
import { deleteMetricValue, editMetricValue } from "@/lib/dal/metrics/writes";
import { deleteDraft, publishUpdate, saveUpdate, startUpdate } from "@/lib/dal/updates/editor";
import { deleteMetricValueSchema, editMetricValueSchema } from "@/lib/validation/metrics";
import { setUpdateAsOf } from "@/lib/dal/updates/writes";
import { formatDay } from "@/lib/dates";
import { discardDraftSchema, publishUpdateSchema, saveUpdateSchema, startUpdateSchema, updateAsOfSchema } from "@/lib/validation/update";

export const saveUpdateAction = inputAction(saveUpdateSchema, ({ actor, input }) => saveUpdate({ actor, input }));

export const publishUpdateAction = inputAction(publishUpdateSchema, ({ actor, input }) => publishUpdate({ actor, input }));

export const startUpdateAction = formAction(
  startUpdateSchema,
  ({ actor, input }) => {
    const { id } = startUpdate({ actor, input });
    redirect(`/updates/${id}/edit` as never);
  },
  { fields: (values) => ({ team: values.team, cycle: values.cycle, prefill: values.start === "prefill" }) },
);

export const discardDraftAction = inputAction(discardDraftSchema, ({ actor, input }) => {
  deleteDraft({ actor, id: input.id });
  redirect(`/teams/${input.teamSlug}` as never);
});

export const editMetricValueAction = inputAction(editMetricValueSchema, ({ actor, input }) => {
  editMetricValue({ actor, id: input.id, input: input.changes });
  refresh();
  return {};
});

export const deleteMetricValueAction = inputAction(deleteMetricValueSchema, ({ actor, input }) => {
  deleteMetricValue({ actor, id: input.id });
  refresh();
  return {};
});

export const setUpdateAsOfAction = formAction(updateAsOfSchema, ({ actor, input }) => {
  setUpdateAsOf({ actor, input });
  refresh();
  return { message: `Dated as of ${formatDay(input.asOf)}.` };
});
