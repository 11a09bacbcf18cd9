/**
 * Stores one of the freeze payloads as an update's summary through the data layer, as an
 * older row or an import could hold it (validation now refuses it at every form and the API):
 * `tsx --conditions=react-server e2e/support/store-markdown.ts <update id> <payload name>`.
 */
import { eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { updates } from "@/db/schema";
import { editUpdate } from "@/lib/dal/updates/writes";
import { FREEZE_PAYLOADS } from "./freeze-payloads";

const [id, name] = process.argv.slice(2);
const summary = FREEZE_PAYLOADS[name as keyof typeof FREEZE_PAYLOADS];
if (!id || summary === undefined) throw new Error("usage: store-markdown.ts <update id> <payload name>");

const db = openDatabase();
const update = db
  .select({ version: updates.version })
  .from(updates)
  .where(eq(updates.id, Number(id)))
  .get();
if (!update) throw new Error(`No update ${id}`);
editUpdate(
  { actor: { kind: "system", label: "e2e" }, input: { id: Number(id), expectedVersion: update.version, changes: { summary } } },
  db,
);
db.$client.close();
