"use server";

import { refresh } from "next/cache";
import { formValues, toActionFailure, type ActionResult } from "@/lib/action-result";
import { getCurrentActor } from "@/lib/dal/actor";
import { createPerson, editPerson, generatePassword } from "@/lib/dal/people";
import { updateSettings } from "@/lib/dal/settings";
import { createTeam, editTeam, moveTeam, setTeamArchived } from "@/lib/dal/team-admin";
import { createPersonSchema, editPersonSchema } from "@/lib/validation/person";
import { settingsSchema } from "@/lib/validation/settings";
import { createTeamSchema, editTeamSchema } from "@/lib/validation/team";

// Server actions are public POST endpoints: each one re-checks permission in the data layer.

export async function createPersonAction(_state: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData);
  try {
    const input = createPersonSchema.parse({ ...values, leads: formData.getAll("leads") });
    const password = generatePassword();
    await createPerson({ actor: await getCurrentActor(), input, password });
    refresh();
    return { ok: true, message: `Created ${input.name}. Their password, shown only now: ${password}` };
  } catch (error) {
    return toActionFailure(error, values);
  }
}

export async function editPersonAction(_state: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData);
  try {
    const input = editPersonSchema.parse({ id: values.id, name: values.name, role: values.role, active: values.active === "on", leads: formData.getAll("leads") });
    editPerson({ actor: await getCurrentActor(), input });
    refresh();
    return { ok: true, message: "Saved." };
  } catch (error) {
    return toActionFailure(error, values);
  }
}

export async function createTeamAction(_state: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData);
  try {
    createTeam({ actor: await getCurrentActor(), input: createTeamSchema.parse(values) });
    refresh();
    return { ok: true, message: `Created ${values.name}.` };
  } catch (error) {
    return toActionFailure(error, values);
  }
}

export async function editTeamAction(_state: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData);
  try {
    editTeam({ actor: await getCurrentActor(), input: editTeamSchema.parse(values) });
    refresh();
    return { ok: true, message: "Saved." };
  } catch (error) {
    return toActionFailure(error, values);
  }
}

export async function arrangeTeamAction(_state: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData);
  try {
    const actor = await getCurrentActor();
    const id = Number(values.id);
    if (values.op === "up" || values.op === "down") moveTeam({ actor, id, direction: values.op });
    else setTeamArchived({ actor, id, archived: values.op === "archive" });
    refresh();
    return { ok: true };
  } catch (error) {
    return toActionFailure(error, values);
  }
}

export async function updateSettingsAction(_state: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData);
  try {
    updateSettings({ actor: await getCurrentActor(), input: settingsSchema.parse({ ...values, privateMode: values.privateMode === "on" }) });
    refresh();
    return { ok: true, message: "Settings saved." };
  } catch (error) {
    return toActionFailure(error, values);
  }
}
