import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { communityTopics, teams, updates } from "@/db/schema";
import { RECAP_SECTION } from "@/lib/domain";
import { gatheringRecapMarkdown } from "@/lib/formats/gathering-recap-markdown";
import { recordMetricValue } from "../metrics/writes";
import { addGathering, addTopic, editGatheringRecap, editTopic } from "../cycles/admin";
import { readGatheringRecap } from "./recap";
import { editUpdate } from "../updates/writes";

const system = { kind: "system", label: "test" } as const;

/** The front matter and the body of a Markdown post. */
function splitPost(markdown: string): { front: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(markdown);
  if (!match) throw new Error("no front matter");
  return { front: parseYaml(match[1]!) as Record<string, unknown>, body: match[2]! };
}

const count = (text: string, fact: string) => text.split(fact).length - 1;

describe("the recap of the April 2024 PTG, as it stood on its last day", () => {
  let db: Db;
  let cleanup: () => void;
  beforeAll(() => {
    ({ db, cleanup } = createTestDatabase({ demo: true }));
  });
  afterAll(() => cleanup());

  it("states every fact and figure of the seed recap, across the 9.0 it wraps up and the 10.0 it plans", () => {
    const md = gatheringRecapMarkdown(readGatheringRecap(db, "ptg-2024-04")!, "StarlingX");
    for (const fact of [
      "April 2024 virtual PTG",
      "September 2024",
      "22",
      "683",
      "97.4%",
      "33",
      "783",
      "geo-redundan",
      "latency",
      "unified software management",
      "Zuul",
      "Wind River",
      "Simplex",
      "Duplex",
      "bare metal",
      "Contributor Guide",
      "wiki",
      "6.6",
      "Debian 12",
      "Arm",
      "mirror",
      "1.24",
      "1.27",
      "1.28",
      "1.29",
      "Node Feature Discovery",
      "10,000",
      "IPv4/IPv6",
      "24 hours",
      "+2",
      "no decision yet",
    ]) {
      expect(md.toLowerCase(), fact).toContain(fact.toLowerCase());
    }
  });

  it("gives each team one section with what it delivered in 9.0 and what it plans for 10.0", () => {
    const recap = readGatheringRecap(db, "ptg-2024-04")!;
    expect(recap.wraps?.name).toBe("9.0");
    expect(recap.plans.name).toBe("10.0");
    expect(recap.teams.map((t) => t.name)).toEqual(["Distributed Cloud", "Test", "Docs", "Distro & Multi-OS", "Containers", "Release"]);
    const md = gatheringRecapMarkdown(recap, "StarlingX");
    for (const team of recap.teams) expect(count(md, `### ${team.name.replace("&", "&")}\n`), team.name).toBe(1);
    const containers = md.slice(md.indexOf("### Containers"), md.indexOf("### Release"));
    expect(containers).toContain("#### Delivered in 9.0");
    expect(containers).toContain("Node Feature Discovery");
    expect(containers).toContain("#### Plans for 10.0");
    expect(containers).toContain("Kubernetes 1.28 and 1.29");
  });

  it("says each thing once: the notes link, every headline, topic, delivered item and call for help", () => {
    const recap = readGatheringRecap(db, "ptg-2024-04")!;
    const md = gatheringRecapMarkdown(recap, "StarlingX");
    const once = [
      recap.gathering.notesUrl!,
      recap.gathering.intro,
      recap.gathering.closing,
      ...recap.teams.flatMap((t) => [t.current?.headline ?? t.ending!.headline, ...t.help.map((h) => h.title)]),
      ...recap.topics.map((t) => `### ${t.title}`),
    ];
    for (const fact of once) expect(count(md, fact), fact).toBe(1);
    // A delivered item is named once: in the team's own words, or listed when they do not name it.
    for (const item of recap.teams.flatMap((t) => t.delivered))
      expect(count(md.toLowerCase(), item.title.toLowerCase()), item.title).toBe(1);
    expect(recap.topics.map((t) => t.title)).toEqual(["Use cases", "Testing upstream", "Improving the review process"]);
  });

  it("leaves out figures nobody recorded and shows 9.0's numbers", () => {
    const recap = readGatheringRecap(db, "ptg-2024-04")!;
    expect(recap.numbersOf.cycle).toBe("9.0");
    expect(recap.numbers.every((n) => n.value !== null)).toBe(true);
    expect(recap.numbers.find((n) => n.key === "manual_test_cases")?.value).toBe(683);
    expect(gatheringRecapMarkdown(recap, "StarlingX")).not.toContain("| — |");
  });

  it("starts with front matter a blog reads, and says health in the community's own words", () => {
    const { front, body } = splitPost(gatheringRecapMarkdown(readGatheringRecap(db, "ptg-2024-04")!, "StarlingX"));
    expect(front).toEqual({
      title: "StarlingX at the April 2024 virtual PTG",
      date: "2024-04-12",
      author: "StarlingX",
      tags: ["StarlingX", "April 2024 virtual PTG", "9.0", "10.0"],
    });
    expect(body).toMatch(/^\n# StarlingX at the April 2024 virtual PTG\n/);
    expect(body).toContain("As it stood on 12 Apr 2024.");
    const recap = readGatheringRecap(db, "ptg-2024-04")!;
    expect(recap.healthLabels.at_risk).toBe(
      db.query.healthDefinitions.findFirst({ where: (h, { eq: is }) => is(h.health, "at_risk") }).sync()!.label,
    );
  });
});

describe("a recap as it stood, after later edits and corrections", () => {
  let db: Db;
  let cleanup: () => void;
  beforeAll(() => {
    ({ db, cleanup } = createTestDatabase({ demo: true }));
    // Everything below happens today, long after the gathering.
    const testUpdate = db
      .select()
      .from(updates)
      .innerJoin(teams, eq(teams.id, updates.teamId))
      .where(eq(teams.slug, "test"))
      .all()
      .find((r) => r.updates.gatheringId !== null)!.updates;
    editUpdate(
      {
        actor: system,
        input: {
          id: testUpdate.id,
          expectedVersion: testUpdate.version,
          changes: { headline: "Rewritten long after the PTG", inProgress: "- Text edited after the event" },
        },
      },
      db,
    );
    recordMetricValue(
      { actor: system, input: { team: "test", cycle: "9.0", metric: "manual_test_cases", value: 1406, note: "Corrected count" } },
      db,
    );
    const useCases = db.select().from(communityTopics).where(eq(communityTopics.title, "Use cases")).get()!;
    editTopic(
      {
        actor: system,
        input: {
          id: useCases.id,
          cycle: "10.0",
          title: "Use cases",
          notes: "Notes rewritten later",
          outcome: "decision",
          decision: "A decision taken months later",
          actionItems: "",
          gathering: "ptg-2024-04",
        },
      },
      db,
    );
    addTopic(
      {
        actor: system,
        input: {
          cycle: "10.0",
          title: "A topic added after the PTG",
          notes: "",
          outcome: "no_decision",
          decision: "",
          actionItems: "",
          gathering: "ptg-2024-04",
        },
      },
      db,
    );
    addTopic(
      {
        actor: system,
        input: {
          cycle: "10.0",
          title: "A topic of no gathering",
          notes: "",
          outcome: "no_decision",
          decision: "",
          actionItems: "",
          gathering: null,
        },
      },
      db,
    );
    addGathering(
      {
        actor: system,
        input: {
          cycle: "10.0",
          name: "October 2024 PTG",
          slug: "ptg-2024-10",
          startsOn: "2024-10-21",
          endsOn: "2024-10-25",
          websiteUrl: null,
          etherpadUrl: null,
          recordingUrl: null,
          wrapsCycle: null,
        },
      },
      db,
    );
    addTopic(
      {
        actor: system,
        input: {
          cycle: "10.0",
          title: "A topic of the October PTG",
          notes: "",
          outcome: "no_decision",
          decision: "",
          actionItems: "",
          gathering: "ptg-2024-10",
        },
      },
      db,
    );
    db.insert(teams).values({ slug: "newcomers", name: "Newcomers", mission: "" }).run();
  });
  afterAll(() => cleanup());

  it("shows the update, figure and topic as they were on the gathering's last day", () => {
    const md = gatheringRecapMarkdown(readGatheringRecap(db, "ptg-2024-04")!, "StarlingX");
    expect(md).toContain("Weekly sanity runs continue; 9.0 closed at a 97.4% pass rate");
    expect(md).toContain("Weekly sanity for 10.0, keeping the same overall strategy as last cycle");
    expect(md).not.toContain("Rewritten long after the PTG");
    expect(md).not.toContain("Text edited after the event");
    expect(md).toMatch(/\| Manual test cases executed \| 683 \|/);
    expect(md).toContain("Work with the ISP user on IPv4/IPv6 dual stack during 10.0.");
    expect(md).not.toContain("A decision taken months later");
    expect(md).not.toContain("A topic added after the PTG");
  });

  it("shows every later edit in the current view", () => {
    const recap = readGatheringRecap(db, "ptg-2024-04", null)!;
    const md = gatheringRecapMarkdown(recap, "StarlingX");
    expect(md).toContain("Rewritten long after the PTG");
    expect(recap.numbers.find((n) => n.key === "manual_test_cases")?.value).not.toBe(683);
    expect(md).toContain("A decision taken months later");
    expect(md).toContain("A topic added after the PTG");
    expect(md).toContain("As it stands today");
  });

  it("shows only this gathering's topics", () => {
    for (const asOf of [undefined, null]) {
      const titles = readGatheringRecap(db, "ptg-2024-04", asOf)!.topics.map((t) => t.title);
      expect(titles).not.toContain("A topic of no gathering");
      expect(titles).not.toContain("A topic of the October PTG");
    }
    expect(readGatheringRecap(db, "ptg-2024-10", null)!.topics.map((t) => t.title)).toEqual(["A topic of the October PTG"]);
  });

  it("says honestly when a team has nothing for the gathering", () => {
    const md = gatheringRecapMarkdown(readGatheringRecap(db, "ptg-2024-04")!, "StarlingX");
    expect(md).toContain("### Newcomers\n\n_No update for this gathering, and none before it._");
    const october = gatheringRecapMarkdown(readGatheringRecap(db, "ptg-2024-10")!, "StarlingX");
    expect(october).not.toContain("No update posted for this cycle yet");
    expect(october).toContain("### Newcomers\n\n_No update for this gathering, and none before it._");
  });

  it("keeps to the teams and sections the release manager picked, with their introduction and closing", () => {
    const id = db.query.gatherings.findFirst({ where: (g, { eq: is }) => is(g.slug, "ptg-2024-04") }).sync()!.id;
    editGatheringRecap(
      {
        actor: system,
        input: {
          id,
          intro: "Our own introduction.",
          closing: "Our own closing.",
          teams: ["test", "docs"],
          sections: ["delivered", "topics"],
        },
      },
      db,
    );
    const recap = readGatheringRecap(db, "ptg-2024-04")!;
    const md = gatheringRecapMarkdown(recap, "StarlingX");
    expect(recap.teams.map((t) => t.slug)).toEqual(["test", "docs"]);
    expect(md).toContain("#### Delivered in 9.0");
    expect(md).not.toContain("#### Plans for 10.0");
    expect(md).not.toContain("in numbers");
    expect(md).toContain("## Community topics");
    expect(md.indexOf("Our own introduction.")).toBeLessThan(md.indexOf("## Project team updates"));
    expect(md.trimEnd().endsWith("Our own closing.")).toBe(true);
    expect(() => editGatheringRecap({ actor: system, input: { id, intro: "", closing: "", teams: ["nope"], sections: null } }, db)).toThrow(
      /No team "nope"/,
    );
    // Every active team and every section ticked means "all": a team added later is in too.
    const everyTeam = db.query.teams
      .findMany({ columns: { slug: true } })
      .sync()
      .map((t) => t.slug);
    editGatheringRecap({ actor: system, input: { id, intro: "", closing: "", teams: everyTeam, sections: [...RECAP_SECTION] } }, db);
    expect(db.query.gatherings.findFirst({ where: (g, { eq: is }) => is(g.id, id) }).sync()).toMatchObject({
      recapTeams: null,
      recapSections: null,
    });
  });
});
