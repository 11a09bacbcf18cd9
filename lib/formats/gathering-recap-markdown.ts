/**
 * A gathering's recap as a post: what each team section holds (shared with the printable
 * page) and the Markdown download, with front matter that static-site blogs read.
 */
import { formatDay } from "../dates";
import type { GatheringRecap, GatheringRecapTeam, RecapUpdate } from "../dal/gatherings/recap";
import type { RecapSection } from "../domain";
import { formatMetric } from "../metrics";
import { inline as inlineMarkdown } from "./report-markdown";

export function recapTitle(recap: GatheringRecap, communityName: string): string {
  return `${communityName} at the ${recap.gathering.name}`;
}

/** "8 Apr 2024 to 12 Apr 2024, wrapping up 9.0 and planning 10.0". */
export function recapSubtitle(recap: GatheringRecap): string {
  const { gathering, wraps, plans } = recap;
  const span = `${formatDay(gathering.startsOn)} to ${formatDay(gathering.endsOn)}`;
  return `${span}, ${wraps ? `wrapping up ${wraps.name} and planning ${plans.name}` : `planning ${plans.name}`}`;
}

export function recapAsOfLine(recap: GatheringRecap): string {
  return recap.asOf ? `As it stood on ${formatDay(recap.asOf)}.` : "As it stands today, with every later edit and correction.";
}

/** A team's part of the recap: the headline, then each chosen section with its Markdown and its listed items. */
export interface TeamRecapPart {
  key: Exclude<RecapSection, "numbers" | "topics">;
  heading: string;
  markdown: string[];
  items: { text: string; url?: string | null }[];
}

export function teamHeadline(team: GatheringRecapTeam): RecapUpdate | null {
  return team.current ?? team.ending;
}

/** What the team has for this gathering, or an honest line saying it has nothing. */
export function teamAbsence(team: GatheringRecapTeam): string | null {
  if (team.current || team.ending) return null;
  return team.lastUpdateOn
    ? `No update for this gathering. The team's last update was on ${formatDay(team.lastUpdateOn)}.`
    : "No update for this gathering, and none before it.";
}

/** Roadmap items the team's own words do not already name, so nothing is said twice. */
const notNamedIn = (texts: string[]) => (item: { title: string }) =>
  !texts.some((text) => text.toLowerCase().includes(item.title.toLowerCase()));

export function teamParts(recap: GatheringRecap, team: GatheringRecapTeam): TeamRecapPart[] {
  const { current, ending } = team;
  const parts: TeamRecapPart[] = [
    {
      key: "delivered",
      heading: `Delivered in ${recap.wraps?.name ?? recap.plans.name}`,
      markdown: [ending?.done ?? ""],
      items: team.delivered.filter(notNamedIn([ending?.done ?? ""])).map((i) => ({ text: i.title })),
    },
    // Without a wrap-up of the ending cycle, the gathering's "done" is this cycle's progress.
    {
      key: "standing",
      heading: "Where the work stands",
      markdown: [ending ? "" : (current?.done ?? ""), current?.inProgress ?? ""],
      items: [],
    },
    {
      key: "plans",
      heading: `Plans for ${recap.plans.name}`,
      markdown: [current?.planned ?? ""],
      items: team.plans.filter(notNamedIn([current?.planned ?? "", current?.inProgress ?? ""])).map((i) => ({ text: i.title })),
    },
    {
      key: "risks",
      heading: "Risks and calls for help",
      markdown: [(current ?? ending)?.risks ?? "", (current ?? ending)?.helpWanted ?? ""],
      items: team.help.map((h) => ({ text: h.contact ? `${h.title} (${h.contact})` : h.title, url: h.linkUrl })),
    },
  ];
  return parts
    .filter((p) => recap.sections.includes(p.key))
    .map((p) => ({ ...p, markdown: p.markdown.filter((m) => m.trim()) }))
    .filter((p) => p.markdown.length > 0 || p.items.length > 0);
}

/** A YAML double-quoted scalar: JSON's string syntax is valid YAML. */
const yamlString = (text: string) => JSON.stringify(text);

export function gatheringRecapMarkdown(recap: GatheringRecap, communityName: string): string {
  const { gathering } = recap;
  const title = recapTitle(recap, communityName);
  const tags = [communityName, gathering.name, ...(recap.wraps ? [recap.wraps.name] : []), recap.plans.name];
  const out: string[] = [
    "---",
    `title: ${yamlString(title)}`,
    `date: ${recap.asOf ?? gathering.endsOn}`,
    `author: ${yamlString(gathering.author ?? communityName)}`,
    `tags: [${tags.map(yamlString).join(", ")}]`,
    "---",
    "",
    `# ${inlineMarkdown(title)}`,
    "",
    `_${inlineMarkdown(recapSubtitle(recap))}. ${recapAsOfLine(recap)}_`,
    "",
  ];
  if (gathering.intro.trim()) out.push(gathering.intro.trim(), "");
  const where = [
    gathering.notesUrl ? `[notes of the sessions](${gathering.notesUrl})` : "",
    gathering.recordingUrl ? `[recordings](${gathering.recordingUrl})` : "",
    gathering.websiteUrl ? `[the event's site](${gathering.websiteUrl})` : "",
  ].filter(Boolean);
  if (where.length > 0) out.push(`See also: ${where.join(", ")}.`, "");

  if (recap.teams.length > 0) out.push("## Project team updates", "");
  for (const team of recap.teams) {
    out.push(`### ${inlineMarkdown(team.name)}`, "");
    const absence = teamAbsence(team);
    if (absence) {
      out.push(`_${absence}_`, "");
      continue;
    }
    const headline = teamHeadline(team)!;
    out.push(`**${inlineMarkdown(headline.headline)}** (${recap.healthLabels[headline.health]})`, "");
    if (team.current?.summary.trim()) out.push(team.current.summary.trim(), "");
    for (const part of teamParts(recap, team)) {
      out.push(`#### ${part.heading}`, "");
      for (const markdown of part.markdown) out.push(markdown.trim(), "");
      if (part.items.length > 0)
        out.push(...part.items.map((i) => `- ${i.url ? `[${inlineMarkdown(i.text)}](${i.url})` : inlineMarkdown(i.text)}`), "");
    }
    if (team.links.length > 0) out.push(`Links: ${team.links.map((l) => `[${inlineMarkdown(l.label)}](${l.url})`).join(", ")}`, "");
  }

  if (recap.sections.includes("numbers") && recap.numbers.length > 0) {
    const { cycle, before } = recap.numbersOf;
    out.push(`## ${inlineMarkdown(cycle)} in numbers`, "");
    out.push(
      `| Figure | ${before ? `${inlineMarkdown(before)} | ` : ""}${inlineMarkdown(cycle)} |`,
      `| --- | ${before ? "---: | " : ""}---: |`,
    );
    for (const n of recap.numbers)
      out.push(`| ${inlineMarkdown(n.label)} | ${before ? `${formatMetric(n.before, n)} | ` : ""}${formatMetric(n.value, n)} |`);
    out.push("");
  }

  if (recap.sections.includes("topics") && recap.topics.length > 0) {
    out.push("## Community topics", "");
    for (const topic of recap.topics) {
      out.push(`### ${inlineMarkdown(topic.title)}`, "");
      if (topic.notes.trim()) out.push(topic.notes.trim(), "");
      out.push(`**Outcome:** ${topic.outcome === "decision" ? topic.decision : "no decision yet."}`, "");
      if (topic.actionItems.length > 0)
        out.push(
          "Action items:",
          "",
          ...topic.actionItems.map((a) => `- ${inlineMarkdown(a.description)}${a.ownerName ? ` (${inlineMarkdown(a.ownerName)})` : ""}`),
          "",
        );
    }
  }
  if (gathering.closing.trim()) out.push(gathering.closing.trim(), "");
  return `${out.join("\n").trim()}\n`;
}
