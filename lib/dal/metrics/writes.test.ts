/**
 * Figures can be corrected: a later update's figure replaces the team's earlier one instead of
 * being added to it, a recorded value can be corrected or deleted (audited, in its own
 * transaction), and the cycle's figure follows at once. Versions keep the text they were
 * entered with. Real SQLite files with the demo community.
 */
import { and, eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { auditEntries, metricDefinitions, metricValues, people, releaseCycles, teams } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import { ForbiddenError, InputError, NotFoundError } from "@/lib/errors";
import type { Actor } from "@/lib/permissions";
import { createMetricDefinition } from "../cycles/admin";
import { actorForPerson } from "../identity/person-actor";
import { publishUpdate, startUpdate } from "../updates/editor";
import { listMetricValues, readCycleNumbers, readTeamNumbers } from "./reads";
import { deleteMetricValue, editMetricValue, recordMetricValue } from "./writes";

const SYSTEM: Actor = { kind: "system", label: "test" };

let db: Db;
let cleanup: () => void;
beforeEach(() => {
  ({ db, cleanup } = createTestDatabase({ demo: true }));
});
afterEach(() => cleanup());

const cycleId = (slug: string) => db.select({ id: releaseCycles.id }).from(releaseCycles).where(eq(releaseCycles.slug, slug)).get()!.id;
const metricId = (key: string) =>
  db.select({ id: metricDefinitions.id }).from(metricDefinitions).where(eq(metricDefinitions.key, key)).get()!.id;
const figure = (key: string, cycle = "10.0") => readCycleNumbers(db, cycleId(cycle)).find((n) => n.key === key)!.value;
const testTeamId = () => db.select({ id: teams.id }).from(teams).where(eq(teams.slug, "test")).get()!.id;
const testLead = () =>
  actorForPerson(db, db.select({ id: people.id }).from(people).where(eq(people.email, "tomas.lead@example.org")).get()!.id);

/** The Test team publishes an update for 10.0 reporting manual test cases. */
function publishTestUpdate(manualTestCases: number | string) {
  const { id } = startUpdate({ actor: SYSTEM, input: { team: "test", cycle: "10.0", prefill: false } }, db);
  publishUpdate(
    {
      actor: SYSTEM,
      input: {
        id,
        expectedVersion: 1,
        changes: {
          gatheringSlug: null,
          content: {
            headline: `Test cases: ${manualTestCases}`,
            health: "on_track",
            summary: "",
            done: "",
            inProgress: "",
            planned: "",
            risks: "",
            helpWanted: "",
            privateNote: "",
          },
          links: [],
          metrics: [{ metricId: metricId("manual_test_cases"), value: manualTestCases }],
        },
      },
    },
    db,
  );
  return id;
}

const valueOf = (sourceUpdateId: number) => db.select().from(metricValues).where(eq(metricValues.sourceUpdateId, sourceUpdateId)).get()!;

describe("a corrected figure", () => {
  it("reported by the team's later update replaces the earlier figure instead of being added to it", () => {
    publishTestUpdate(1_660);
    expect(figure("manual_test_cases")).toBe(1_660);
    publishTestUpdate(1_406);
    // Before: 1,660 + 1,406 = 3,066 manual test cases.
    expect(figure("manual_test_cases")).toBe(1_406);
    const history = readTeamNumbers(db, testTeamId()).find((n) => n.key === "manual_test_cases")!;
    expect(history.byCycle.find((c) => c.cycleSlug === "10.0")!.value).toBe(1_406);
  });

  it("still lets values recorded directly, such as a CI job's weekly runs, add up", () => {
    recordMetricValue(
      { actor: SYSTEM, input: { team: "test", cycle: "10.0", metric: "manual_test_cases", value: 400, note: "week 1" } },
      db,
    );
    recordMetricValue(
      { actor: SYSTEM, input: { team: "test", cycle: "10.0", metric: "manual_test_cases", value: 300, note: "week 2" } },
      db,
    );
    expect(figure("manual_test_cases")).toBe(700);
  });

  it("is listed by the API with who recorded each value and whether it still counts", () => {
    const first = publishTestUpdate(1_660);
    const second = publishTestUpdate(1_406);
    const { data } = listMetricValues(
      { filters: { team: "test", cycle: "10.0", metric: "manual_test_cases" }, page: { page: 1, perPage: 10 } },
      db,
    );
    expect(data.map((v) => [v.value, v.countsInFigure, v.recordedBy])).toEqual([
      [1_406, true, { via: "update", updateId: second, headline: "Test cases: 1406", person: null }],
      [1_660, false, { via: "update", updateId: first, headline: "Test cases: 1660", person: null }],
    ]);
  });
});

describe("correcting a recorded value", () => {
  it("replaces it, and the cycle's figure follows at once, with an audit entry", () => {
    const wrong = valueOf(publishTestUpdate(1_660));
    const answer = editMetricValue({ actor: testLead(), id: wrong.id, input: { value: "1,406", note: "miscounted the reruns" } }, db);
    expect(answer).toMatchObject({ id: wrong.id, value: 1_406, note: "miscounted the reruns", countsInFigure: true });
    expect(figure("manual_test_cases")).toBe(1_406);
    expect(db.select().from(metricValues).where(eq(metricValues.id, wrong.id)).get()).toMatchObject({
      value: 1_406,
      observedAt: wrong.observedAt,
    });
    const audit = db
      .select()
      .from(auditEntries)
      .where(and(eq(auditEntries.entityType, "metric_value"), eq(auditEntries.entityId, String(wrong.id))))
      .all();
    expect(audit).toEqual([
      expect.objectContaining({
        action: "metric.correct",
        actorLabel: "Tomas Redfern",
        before: expect.objectContaining({ value: 1_660 }),
        after: expect.objectContaining({ value: 1_406, note: "miscounted the reruns" }),
      }),
    ]);
  });

  it("refuses a value its metric's kind cannot read, naming the field, and changes nothing", () => {
    const wrong = valueOf(publishTestUpdate(1_660));
    expect(() => editMetricValue({ actor: SYSTEM, id: wrong.id, input: { value: 1_406.5 } }, db)).toThrow(
      expect.objectContaining({ constructor: InputError, field: "value", message: "A count is a whole number" }),
    );
    expect(figure("manual_test_cases")).toBe(1_660);
  });

  it("is refused to a lead of another team, and a draft's value is the draft's", () => {
    const { id } = recordMetricValue(
      { actor: SYSTEM, input: { team: "test", cycle: "10.0", metric: "manual_test_cases", value: 5, note: "" } },
      db,
    );
    const docsLead: Actor = { kind: "person", id: "dana", name: "Dana", role: "member", leadOf: [] };
    expect(() => editMetricValue({ actor: docsLead, id, input: { value: 6 } }, db)).toThrow(ForbiddenError);
    expect(() => deleteMetricValue({ actor: docsLead, id }, db)).toThrow(ForbiddenError);
    expect(() => editMetricValue({ actor: SYSTEM, id: 999_999, input: { value: 6 } }, db)).toThrow(NotFoundError);

    const { id: draft } = startUpdate({ actor: SYSTEM, input: { team: "test", cycle: "10.0", prefill: false } }, db);
    db.insert(metricValues)
      .values({
        metricId: metricId("manual_test_cases"),
        teamId: testTeamId(),
        cycleId: cycleId("10.0"),
        value: 9,
        observedAt: new Date(),
        sourceUpdateId: draft,
      })
      .run();
    expect(() => deleteMetricValue({ actor: SYSTEM, id: valueOf(draft).id }, db)).toThrow(NotFoundError);
  });
});

describe("deleting a recorded value", () => {
  it("forms the figure again from the others, with an audit entry", () => {
    publishTestUpdate(1_406);
    const { id } = recordMetricValue(
      { actor: SYSTEM, input: { team: "test", cycle: "10.0", metric: "manual_test_cases", value: 1_660, note: "counted twice" } },
      db,
    );
    expect(figure("manual_test_cases")).toBe(3_066);
    deleteMetricValue({ actor: testLead(), id }, db);
    expect(figure("manual_test_cases")).toBe(1_406);
    expect(db.select().from(metricValues).where(eq(metricValues.id, id)).get()).toBeUndefined();
    expect(
      db
        .select({ action: auditEntries.action })
        .from(auditEntries)
        .where(eq(auditEntries.entityId, String(id)))
        .all(),
    ).toEqual([{ action: "metric.record" }, { action: "metric.delete" }]);
  });
});

describe("a version metric", () => {
  it("keeps each version as entered and its figure is the newest, not 1.3", () => {
    createMetricDefinition(
      {
        actor: SYSTEM,
        input: {
          key: "k8s_version",
          label: "Kubernetes",
          kind: "version",
          decimals: null,
          direction: "higher_is_better",
          aggregation: "latest",
          team: "test",
        },
      },
      db,
    );
    const record = (value: string, observedAt: string) =>
      recordMetricValue({ actor: SYSTEM, input: { team: "test", cycle: "10.0", metric: "k8s_version", value, observedAt, note: "" } }, db);
    record("1.27", "2024-04-01T00:00:00Z");
    record("1.32", "2024-06-01T00:00:00Z");
    record("1.29", "2024-05-01T00:00:00Z");
    const { data } = listMetricValues({ filters: { metric: "k8s_version" }, page: { page: 1, perPage: 10 } }, db);
    expect(data.map((v) => v.value)).toEqual(["1.32", "1.29", "1.27"]);
    expect(figure("k8s_version")).toBe("1.32");
    expect(() =>
      recordMetricValue({ actor: SYSTEM, input: { team: "test", cycle: "10.0", metric: "k8s_version", value: 1.3, note: "" } }, db),
    ).toThrow(expect.objectContaining({ field: "value" }));
  });
});
