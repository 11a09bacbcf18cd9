/** Release managers' changes to cycles. */
import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { releaseCycles } from "@/db/schema";
import { InputError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/permissions";
import type { CreateCycleInput } from "@/lib/validation/cycle";
import { recordAudit } from "./audit";
import { invalidate, tags } from "./cache";

export function createCycle({ actor, input }: { actor: Actor; input: CreateCycleInput }, db: Db = getDb()): { id: number } {
  assertCan(actor, "cycle.manage");
  const slug = input.name.toLowerCase();
  const id = db.transaction((tx) => {
    if (tx.select({ id: releaseCycles.id }).from(releaseCycles).where(eq(releaseCycles.slug, slug)).get()) throw new InputError("name", "A cycle with this name exists");
    if (input.status === "active" && tx.select({ id: releaseCycles.id }).from(releaseCycles).where(eq(releaseCycles.status, "active")).get()) {
      throw new InputError("status", "Another cycle is active; end it first");
    }
    const row = tx.insert(releaseCycles).values({ ...input, slug }).returning({ id: releaseCycles.id }).get();
    recordAudit(tx, actor, { action: "cycle.create", entityType: "cycle", entityId: row.id, after: input });
    return row.id;
  });
  invalidate(tags.cycles);
  return { id };
}
