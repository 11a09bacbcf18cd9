"use server";

import { refresh } from "next/cache";
import { formValues, toActionFailure, type ActionResult } from "@/lib/action-result";
import { getCurrentActor } from "@/lib/dal/actor";
import { assignHelpRequest, closeHelpRequest, openHelpRequest } from "@/lib/dal/help-requests";
import { assignHelpRequestSchema, closeHelpRequestSchema, openHelpRequestSchema } from "@/lib/validation/help-requests";

// Server actions are public POST endpoints: the data layer checks permission on every call.

export async function openHelpRequestAction(_state: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData);
  try {
    openHelpRequest({ actor: await getCurrentActor(), input: openHelpRequestSchema.parse(values) });
    refresh();
    return { ok: true, message: "Help request opened: it is on the help wanted page now." };
  } catch (error) {
    return toActionFailure(error, values);
  }
}

export async function assignHelpRequestAction(_state: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData);
  try {
    assignHelpRequest({ actor: await getCurrentActor(), input: assignHelpRequestSchema.parse(values) });
    refresh();
    return { ok: true, message: "Marked as taken." };
  } catch (error) {
    return toActionFailure(error, values);
  }
}

export async function closeHelpRequestAction(_state: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData);
  try {
    closeHelpRequest({ actor: await getCurrentActor(), input: closeHelpRequestSchema.parse(values) });
    refresh();
    return { ok: true };
  } catch (error) {
    return toActionFailure(error, values);
  }
}
