/**
 * `npm run user:create -- --email dana@example.org --name "Dana" --role member [--team docs]…`
 * Creates an account with a random password, printed once. Audited as "cli".
 */
import { parseArgs } from "node:util";
import { z } from "@/lib/validation/zod";
import { databasePath, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { createPerson, generatePassword } from "@/lib/dal/people/admin";
import { InputError } from "@/lib/errors";
import { createPersonSchema } from "@/lib/validation/person";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string", default: "member" },
    team: { type: "string", multiple: true, default: [] },
  },
});

const parsed = createPersonSchema.safeParse({ email: values.email, name: values.name, role: values.role, leads: values.team });
if (!parsed.success) {
  for (const [field, messages] of Object.entries(z.flattenError(parsed.error).fieldErrors))
    console.error(`--${field === "leads" ? "team" : field}: ${messages?.join("; ")}`);
  console.error("usage: npm run user:create -- --email EMAIL --name NAME --role admin|release_manager|member [--team SLUG]…");
  process.exit(2);
}

const db = openDatabase(databasePath());
try {
  migrateDatabase(db);
  const password = generatePassword();
  await createPerson({ actor: { kind: "system", label: "cli" }, input: parsed.data, password }, db);
  console.log(
    `Created ${parsed.data.name} <${parsed.data.email}> (${parsed.data.role}${parsed.data.leads.length ? `, lead of ${parsed.data.leads.join(", ")}` : ""}).`,
  );
  console.log(`Password (shown once): ${password}`);
} catch (error) {
  console.error(
    error instanceof InputError
      ? `--${error.field === "leads" ? "team" : error.field}: ${error.message}`
      : error instanceof Error
        ? error.message
        : error,
  );
  process.exitCode = 1;
} finally {
  db.$client.close();
}
