/** Adds a milestone through the data layer: `… add-milestone.ts <cycle> <name> <days from today>`. */
import { openDatabase } from "@/db/client";
import { addMilestone } from "@/lib/dal/cycles/admin";
import { milestoneSchema } from "@/lib/validation/cycle";

const [cycle, name, days] = process.argv.slice(2);
const dueOn = new Date(Date.now() + Number(days) * 86_400_000).toISOString().slice(0, 10);
const db = openDatabase();
try {
  addMilestone({ actor: { kind: "system", label: "e2e" }, input: milestoneSchema.parse({ cycle, name, dueOn }) }, db);
} finally {
  db.$client.close();
}
