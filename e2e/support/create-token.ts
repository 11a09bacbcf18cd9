/**
 * Creates an API token for a person from another process, as an operator's script would:
 * `tsx --conditions=react-server e2e/support/create-token.ts <email> <scope,...> [team,...]`.
 * Prints the secret, which exists nowhere else.
 */
import { eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { people } from "@/db/schema";
import { actorForPerson } from "@/lib/dal/identity/person-actor";
import { createApiToken } from "@/lib/dal/identity/api-tokens";
import { createApiTokenSchema } from "@/lib/validation/api-token";

const [email, scopes, teamList = ""] = process.argv.slice(2);
if (!email || !scopes) throw new Error("usage: create-token.ts <email> <scope,...> [team,...]");

const db = openDatabase();
const person = db.select({ id: people.id }).from(people).where(eq(people.email, email)).get();
if (!person) throw new Error(`No person with the address ${email}`);
const input = createApiTokenSchema.parse({
  name: `e2e ${Date.now()}`,
  scopes: scopes.split(","),
  teams: teamList ? teamList.split(",") : [],
  expiresInDays: 1,
});
const { secret } = createApiToken({ actor: actorForPerson(db, person.id), input }, db);
db.$client.close();
process.stdout.write(secret);
