import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { roadmapItemLinks, roadmapItems } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import type { PatchRoadmapItemInput } from "@/lib/validation/api";
import { editRoadmapItem } from "./editor";

/** Changes some fields of a roadmap item: the rest stay as they are; a stale `version` is a conflict. */
export function patchRoadmapItem(
  { actor, id, input }: { actor: Actor; id: number; input: PatchRoadmapItemInput },
  db: Db = getDb(),
): { version: number } {
  const { version, ...changes } = input;
  const current = db.select().from(roadmapItems).where(eq(roadmapItems.id, id)).get();
  if (!current) throw new NotFoundError("Roadmap item");
  const links =
    changes.links ??
    db
      .select({ kind: roadmapItemLinks.kind, label: roadmapItemLinks.label, url: roadmapItemLinks.url })
      .from(roadmapItemLinks)
      .where(eq(roadmapItemLinks.itemId, id))
      .all();
  // editRoadmapItem re-reads the item in its transaction and refuses a stale version there.
  return editRoadmapItem(
    {
      actor,
      input: {
        id,
        expectedVersion: version,
        title: changes.title ?? current.title,
        description: changes.description ?? current.description,
        status: changes.status ?? current.status,
        kind: changes.kind ?? current.kind,
        helpWanted: changes.helpWanted ?? current.helpWanted,
        links,
        deliveredOn: changes.deliveredOn,
      },
    },
    db,
  );
}
