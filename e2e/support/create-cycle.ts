/** Creates a cycle through the data layer, as a release manager's tool would: `… create-cycle.ts <name> <starts> <release>`. */
import { openDatabase } from "@/db/client";
import { createCycle } from "@/lib/dal/cycles/admin";
import { createCycleSchema } from "@/lib/validation/cycle";

const [name, startsOn, targetReleaseOn] = process.argv.slice(2);
const db = openDatabase();
try {
  createCycle({ actor: { kind: "system", label: "e2e" }, input: createCycleSchema.parse({ name, startsOn, targetReleaseOn }) }, db);
} finally {
  db.$client.close();
}
