/**
 * A writer for the backup tests: adds roadmap items "load 0", "load 1", … through the data
 * layer, one transaction each (item and audit entry), as fast as it can, against the
 * database file CYCLEBOARD_DB, until WRITE_LOAD_COUNT items are written or it is killed.
 */
import { createRoadmapItem } from "@/lib/dal/roadmap/editor";
import { openDatabase } from "./client";

const db = openDatabase(process.env.CYCLEBOARD_DB);
const count = Number(process.env.WRITE_LOAD_COUNT ?? 1_000_000);
const actor = { kind: "system", label: "write load" } as const;
for (let i = 0; i < count; i++) {
  createRoadmapItem(
    {
      actor,
      input: {
        team: "docs",
        cycle: "10.0",
        title: `load ${i}`,
        description: `written ${i}th`,
        status: "planned",
        kind: "feature",
        helpWanted: false,
        links: [{ kind: "storyboard", label: `story ${i}`, url: `https://storyboard.example.org/${i}` }],
      },
    },
    db,
  );
}
db.$client.close();
