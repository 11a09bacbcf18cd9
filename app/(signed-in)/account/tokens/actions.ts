"use server";

import { refresh } from "next/cache";
import { formValues, toActionFailure, type ActionResult } from "@/lib/action-result";
import { getCurrentActor } from "@/lib/dal/actor";
import { createApiToken, revokeApiToken } from "@/lib/dal/api-tokens";
import { createApiTokenSchema } from "@/lib/validation/api-token";

// Server actions are public POST endpoints: each one re-checks permission in the data layer.

export async function createApiTokenAction(_state: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData);
  try {
    const input = createApiTokenSchema.parse({ name: values.name, scopes: formData.getAll("scopes"), teams: formData.getAll("teams").filter(Boolean), expiresInDays: values.expiresInDays || null });
    const { secret } = createApiToken({ actor: await getCurrentActor(), input });
    refresh();
    return { ok: true, message: `Created ${input.name}. Copy the token now: it is shown only this once.`, secret: { label: `Secret of ${input.name}`, value: secret } };
  } catch (error) {
    return toActionFailure(error, values);
  }
}

export async function revokeApiTokenAction(_state: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData);
  try {
    revokeApiToken({ actor: await getCurrentActor(), id: Number(values.id) });
    refresh();
    return { ok: true, message: "Revoked." };
  } catch (error) {
    return toActionFailure(error, values);
  }
}
