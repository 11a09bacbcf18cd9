"use server";

import { refresh } from "next/cache";
import { createPerson, editPerson, generatePassword } from "@/lib/dal/people/admin";
import { updateSettings } from "@/lib/dal/site/settings";
import { createTeam, editTeam, moveTeam, setTeamArchived } from "@/lib/dal/teams/admin";
import { formAction } from "@/lib/http/server-action";
import { createPersonSchema, editPersonSchema } from "@/lib/validation/person";
import { settingsSchema } from "@/lib/validation/settings";
import { createTeamSchema, editTeamSchema } from "@/lib/validation/team";
import { z } from "@/lib/validation/zod";

export const createPersonAction = formAction(
  createPersonSchema,
  async ({ actor, input }) => {
    const password = generatePassword();
    await createPerson({ actor, input, password });
    refresh();
    return { message: `Created ${input.name}. Their password, shown only now: ${password}` };
  },
  { fields: (values, formData) => ({ ...values, leads: formData.getAll("leads") }) },
);

export const editPersonAction = formAction(
  editPersonSchema,
  ({ actor, input }) => {
    editPerson({ actor, input });
    refresh();
    return { message: "Saved." };
  },
  {
    fields: (values, formData) => ({
      id: values.id,
      name: values.name,
      role: values.role,
      active: values.active === "on",
      leads: formData.getAll("leads"),
    }),
  },
);

export const createTeamAction = formAction(createTeamSchema, ({ actor, input, values }) => {
  createTeam({ actor, input });
  refresh();
  return { message: `Created ${values.name}.` };
});

export const editTeamAction = formAction(editTeamSchema, ({ actor, input }) => {
  editTeam({ actor, input });
  refresh();
  return { message: "Saved." };
});

const arrangeTeamSchema = z.object({ id: z.coerce.number().int().positive(), op: z.enum(["up", "down", "archive", "restore"]) });

export const arrangeTeamAction = formAction(arrangeTeamSchema, ({ actor, input: { id, op } }) => {
  if (op === "up" || op === "down") moveTeam({ actor, id, direction: op });
  else setTeamArchived({ actor, id, archived: op === "archive" });
  refresh();
  return {};
});

export const updateSettingsAction = formAction(
  settingsSchema,
  ({ actor, input }) => {
    updateSettings({ actor, input });
    refresh();
    return { message: "Settings saved." };
  },
  { fields: (values) => ({ ...values, privateMode: values.privateMode === "on" }) },
);
