"use server";

import { redirect } from "next/navigation";
import { formValues, toActionFailure, type ActionResult } from "@/lib/action-result";
import { getCurrentActor } from "@/lib/dal/actor";
import { deleteDraft, publishUpdate, saveUpdate, startUpdate } from "@/lib/dal/update-editor";
import { toSaveFailure, type SaveResult } from "@/lib/editor-result";
import { ConflictError } from "@/lib/errors";
import { discardDraftSchema, publishUpdateSchema, saveUpdateSchema, startUpdateSchema } from "@/lib/validation/update";

// Server actions are public POST endpoints: the data layer checks permission on every call.

function saveFailure(error: unknown): SaveResult {
  if (error instanceof ConflictError) {
    return { ok: false, message: error.message, fieldErrors: {}, conflict: { version: error.current.version, snapshot: error.current.snapshot } };
  }
  return toSaveFailure(toActionFailure(error, {}));
}

export async function saveUpdateAction(input: unknown): Promise<SaveResult> {
  try {
    const parsed = saveUpdateSchema.parse(input);
    return { ok: true, ...saveUpdate({ actor: await getCurrentActor(), input: parsed }) };
  } catch (error) {
    return saveFailure(error);
  }
}

export async function publishUpdateAction(input: unknown): Promise<SaveResult> {
  try {
    const { id, expectedVersion } = publishUpdateSchema.parse(input);
    return { ok: true, ...publishUpdate({ actor: await getCurrentActor(), id, expectedVersion }) };
  } catch (error) {
    return saveFailure(error);
  }
}

export async function startUpdateAction(_state: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData);
  let id: number;
  try {
    const input = startUpdateSchema.parse({ team: values.team, cycle: values.cycle, prefill: values.start === "prefill" });
    ({ id } = startUpdate({ actor: await getCurrentActor(), input }));
  } catch (error) {
    return toActionFailure(error, values);
  }
  redirect(`/updates/${id}/edit` as never);
}

export async function discardDraftAction(id: number, teamSlug: string): Promise<ActionResult> {
  let input: { id: number; teamSlug: string };
  try {
    input = discardDraftSchema.parse({ id, teamSlug });
    deleteDraft({ actor: await getCurrentActor(), id: input.id });
  } catch (error) {
    return toActionFailure(error, {});
  }
  redirect(`/teams/${input.teamSlug}` as never);
}
