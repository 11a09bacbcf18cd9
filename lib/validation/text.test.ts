import { describe, expect, it } from "vitest";
import type { z } from "./zod";
import { TEAM_LINK_KIND } from "@/lib/domain";
import { createApiTokenSchema } from "./api-token";
import { postRoadmapItemSchema, postUpdateSchema } from "./api";
import { createCycleSchema, editMilestoneSchema, gatheringSchema, metricDefinitionSchema, milestoneSchema, topicSchema } from "./cycle";
import { assignHelpRequestSchema, openHelpRequestSchema } from "./help-requests";
import { createPersonSchema, editPersonSchema } from "./person";
import { roadmapFieldsSchema, trackerLinkSchema } from "./roadmap";
import { settingsSchema } from "./settings";
import { createTeamSchema, teamLinkSchema } from "./team";
import { updateContentSchema, updateLinkSchema } from "./update";

const gathering = {
  cycle: "10.0",
  name: "PTG",
  slug: "ptg-2024",
  startsOn: "2024-04-08",
  endsOn: "2024-04-12",
  websiteUrl: "",
  etherpadUrl: "",
  recordingUrl: "",
};
const content = {
  headline: "On track",
  health: "on_track",
  summary: "",
  done: "",
  inProgress: "",
  planned: "",
  risks: "",
  helpWanted: "",
  privateNote: "",
};
const roadmap = { title: "Arm builds", description: "", status: "planned", kind: "feature", helpWanted: false, links: [] };

/** Every name, headline, title and label people type, with an input that is valid but for that field. */
const FIELDS: { name: string; schema: z.ZodType; valid: Record<string, unknown>; field: string }[] = [
  { name: "person name", schema: createPersonSchema, valid: { name: "Dana", email: "d@example.org", role: "member" }, field: "name" },
  { name: "person name (edit)", schema: editPersonSchema, valid: { id: "p1", name: "Dana" }, field: "name" },
  { name: "team name", schema: createTeamSchema, valid: { name: "Docs", slug: "docs", mission: "" }, field: "name" },
  {
    name: "team link label",
    schema: teamLinkSchema,
    valid: { kind: TEAM_LINK_KIND[0], label: "Wiki", url: "https://example.org" },
    field: "label",
  },
  {
    name: "cycle name",
    schema: createCycleSchema,
    valid: { name: "11.0", startsOn: "2025-01-01", targetReleaseOn: "2025-06-01" },
    field: "name",
  },
  { name: "milestone name", schema: milestoneSchema, valid: { cycle: "10.0", name: "Feature freeze", dueOn: "2024-08-01" }, field: "name" },
  {
    name: "milestone name (edit)",
    schema: editMilestoneSchema,
    valid: { id: 1, name: "Feature freeze", dueOn: "2024-08-01" },
    field: "name",
  },
  { name: "gathering name", schema: gatheringSchema, valid: gathering, field: "name" },
  {
    name: "topic title",
    schema: topicSchema,
    valid: { cycle: "10.0", title: "Python 3.12", notes: "", outcome: "no_decision", decision: "" },
    field: "title",
  },
  {
    name: "metric label",
    schema: metricDefinitionSchema,
    valid: { key: "bugs", label: "Bugs", kind: "count", direction: "lower_is_better", aggregation: "latest" },
    field: "label",
  },
  { name: "roadmap item title", schema: roadmapFieldsSchema, valid: roadmap, field: "title" },
  {
    name: "roadmap tracker link label",
    schema: trackerLinkSchema,
    valid: { kind: "gerrit", label: "Review", url: "https://example.org" },
    field: "label",
  },
  {
    name: "help request title",
    schema: openHelpRequestSchema,
    valid: { team: "docs", cycle: "10.0", title: "Review Arm docs", details: "", linkUrl: "", contact: "", roadmapItemId: "" },
    field: "title",
  },
  {
    name: "help request newcomer's name",
    schema: assignHelpRequestSchema,
    valid: { id: 1, ownerId: "", takenByName: "Sam" },
    field: "takenByName",
  },
  {
    name: "API token name",
    schema: createApiTokenSchema,
    valid: { name: "CI", scopes: ["metric.record"], teams: [], expiresInDays: null },
    field: "name",
  },
  { name: "update headline", schema: updateContentSchema, valid: content, field: "headline" },
  { name: "update link label", schema: updateLinkSchema, valid: { label: "Etherpad", url: "https://example.org" }, field: "label" },
  {
    name: "community name",
    schema: settingsSchema,
    valid: {
      name: "OpenInfra",
      description: "",
      websiteUrl: "",
      docsUrl: "",
      mailingListUrl: "",
      codeUrl: "",
      privateMode: false,
      reminderLeadDays: 3,
      staleUpdateDays: 14,
    },
    field: "name",
  },
  {
    name: "API update headline",
    schema: postUpdateSchema,
    valid: { team: "docs", cycle: "10.0", headline: "On track", health: "on_track" },
    field: "headline",
  },
  {
    name: "API roadmap item title",
    schema: postRoadmapItemSchema,
    valid: { team: "docs", cycle: "10.0", title: "Arm builds" },
    field: "title",
  },
];

const REFUSED = {
  "only zero-width characters": "\u200B\u200C\u200D\u2060",
  "only a Hangul filler and spaces": "\u3164 \u3164",
  "a right-to-left override": "Morgan \u202Eregnam esaeler",
  "a left-to-right isolate": "Dana \u2066lead\u2069",
  "a bell character": "On\u0007 track",
  "a line break": "On\ntrack",
  "a C1 control": "On\u0085track",
};

const ACCEPTED = ["Équipe Docs", "فريق التوثيق", "צוות", "Docs 📚", "Zoë 👩‍💻", "Test-Team 2"];

describe("visible text in names, headlines and titles", () => {
  it.each(FIELDS)("every schema accepts its valid input: $name", ({ schema, valid }) => {
    expect(schema.safeParse(valid).error?.issues).toBeUndefined();
  });

  describe.each(Object.entries(REFUSED))("refuses %s", (_what, value) => {
    it.each(FIELDS)("in the $name", ({ schema, valid, field }) => {
      const result = schema.safeParse({ ...valid, [field]: value });
      expect(result.success).toBe(false);
      expect(result.error!.issues.map((i) => i.path.join("."))).toContain(field);
    });
  });

  it.each(ACCEPTED)("accepts real names in any script: %s", (value) => {
    for (const { name, schema, valid, field } of FIELDS.filter((f) => f.name !== "cycle name"))
      expect(schema.safeParse({ ...valid, [field]: value }).success, name).toBe(true);
  });
});
