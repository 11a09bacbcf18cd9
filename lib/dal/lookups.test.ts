/** An archived team takes no new writes: every write that names a team by slug refuses it alike. */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { teams } from "@/db/schema";
import { InputError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { recordMetricValue } from "./metrics/writes";
import { postUpdate } from "./updates/writes";
import { createMetricDefinition } from "./cycles/admin";
import { openHelpRequest } from "./help-requests/editor";
import { carryOverRoadmap, createRoadmapItem } from "./roadmap/editor";
import { setTeamArchived } from "./teams/admin";
import { copyOfTemplate, createWriteTemplate } from "./testing/tables";
import { startUpdate } from "./updates/editor";

const admin: Actor = { kind: "system", label: "test" };
const content = {
  headline: "H",
  health: "on_track",
  summary: "",
  done: "",
  inProgress: "",
  planned: "",
  risks: "",
  helpWanted: "",
  privateNote: "",
} as const;

const WRITES_NAMING_A_TEAM: [string, (db: Db) => unknown][] = [
  ["start an update", (db) => startUpdate({ actor: admin, input: { team: "docs", cycle: "10.0", prefill: false } }, db)],
  [
    "post an update (API)",
    (db) =>
      postUpdate({ actor: admin, input: { team: "docs", cycle: "10.0", gathering: null, ...content, links: [], publish: false } }, db),
  ],
  [
    "add a roadmap item",
    (db) =>
      createRoadmapItem(
        {
          actor: admin,
          input: {
            team: "docs",
            cycle: "10.0",
            title: "New",
            description: "",
            status: "planned",
            kind: "feature",
            helpWanted: false,
            links: [],
          },
        },
        db,
      ),
  ],
  ["carry the roadmap over", (db) => carryOverRoadmap({ actor: admin, input: { team: "docs", from: "10.0", to: "11.0" } }, db)],
  [
    "open a help request",
    (db) =>
      openHelpRequest(
        {
          actor: admin,
          input: { team: "docs", cycle: "10.0", title: "Proofread", details: "", linkUrl: null, contact: "", roadmapItemId: null },
        },
        db,
      ),
  ],
  [
    "record a metric value",
    (db) =>
      recordMetricValue({ actor: admin, input: { team: "docs", cycle: "10.0", metric: "docs_changes_merged", value: 1, note: "" } }, db),
  ],
  [
    "define a team's metric",
    (db) =>
      createMetricDefinition(
        {
          actor: admin,
          input: {
            key: "docs_pages",
            label: "Pages",
            kind: "count",
            decimals: null,
            direction: "higher_is_better",
            aggregation: "sum",
            team: "docs",
          },
        },
        db,
      ),
  ],
];

let template: { file: string; cleanup: () => void };
beforeAll(async () => {
  template = await createWriteTemplate();
});
afterAll(() => template.cleanup());

describe.each(WRITES_NAMING_A_TEAM)("%s", (_name, write) => {
  it("works for an active team and is refused for an archived one", () => {
    const active = copyOfTemplate(template.file);
    const archived = copyOfTemplate(template.file);
    try {
      expect(() => write(active.db)).not.toThrow();
      const docs = archived.db.select({ id: teams.id }).from(teams).where(eq(teams.slug, "docs")).get()!;
      setTeamArchived({ actor: admin, id: docs.id, archived: true }, archived.db);
      expect(() => write(archived.db)).toThrow(new InputError("team", "No such team"));
    } finally {
      active.dispose();
      archived.dispose();
    }
  });
});
