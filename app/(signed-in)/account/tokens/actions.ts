"use server";

import { refresh } from "next/cache";
import { createApiToken, revokeApiToken } from "@/lib/dal/identity/api-tokens";
import { formAction } from "@/lib/http/server-action";
import { createApiTokenSchema } from "@/lib/validation/api-token";
import { z } from "@/lib/validation/zod";

export const createApiTokenAction = formAction(
  createApiTokenSchema,
  ({ actor, input }) => {
    const { secret } = createApiToken({ actor, input });
    refresh();
    return {
      message: `Created ${input.name}. Copy the token now: it is shown only this once.`,
      secret: { label: `Secret of ${input.name}`, value: secret },
    };
  },
  {
    fields: (values, formData) => ({
      name: values.name,
      scopes: formData.getAll("scopes"),
      teams: formData.getAll("teams").filter(Boolean),
      expiresInDays: values.expiresInDays || null,
    }),
  },
);

export const revokeApiTokenAction = formAction(z.object({ id: z.coerce.number().int().positive() }), ({ actor, input }) => {
  revokeApiToken({ actor, id: input.id });
  refresh();
  return { message: "Revoked." };
});
