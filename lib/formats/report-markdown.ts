/** The cycle's recap as a Markdown document, from the same data as /cycles/[name]/report. */
import { formatDay } from "../dates";
import type { CycleReport } from "../dal/views/reports";
import { HEALTH_LABELS, type UpdateSectionKey } from "../domain";
import { formatMetric } from "../metrics";

/** Text from a name or headline, safe to place inline in Markdown. */
export const inline = (text: string) => text.replace(/([\\`*_[\]<>#|])/g, "\\$1");

/** The sections of each team in a recap, in order, with their headings (page and Markdown alike). */
export const REPORT_SECTIONS = [
  ["done", "What was done"],
  ["inProgress", "What is under way"],
  ["planned", "What is next"],
  ["risks", "Risks"],
  ["helpWanted", "Where help is wanted"],
] as const satisfies readonly (readonly [UpdateSectionKey, string])[];

export function reportMarkdown(report: CycleReport, communityName: string): string {
  const { cycle } = report;
  const out: string[] = [];
  const title = `${communityName} ${cycle.name}: the cycle in review`;
  out.push(`# ${inline(title)}`, "");
  const when = cycle.releasedOn
    ? `was released on ${formatDay(cycle.releasedOn)}`
    : `is planned for release on ${formatDay(cycle.targetReleaseOn)}`;
  out.push(
    `The ${inline(cycle.name)} cycle started on ${formatDay(cycle.startsOn)} and ${when}. ${report.teams.filter((t) => t.update).length} of ${report.teams.length} teams posted an update.`,
    "",
  );
  if (cycle.summary) out.push(cycle.summary, "");

  out.push("## Project team updates", "");
  for (const team of report.teams) {
    out.push(`### ${inline(team.name)}`, "");
    if (team.mission) out.push(team.mission, "");
    if (!team.update) {
      out.push("_No update posted for this cycle yet._", "");
      continue;
    }
    out.push(`**${inline(team.update.headline)}** (${HEALTH_LABELS[team.update.health]})`, "");
    if (team.update.summary) out.push(team.update.summary, "");
    for (const [field, heading] of REPORT_SECTIONS) if (team.update[field].trim()) out.push(`#### ${heading}`, "", team.update[field], "");
    const reported = team.numbers.filter((n) => n.value !== null);
    if (reported.length > 0)
      out.push("#### In numbers", "", ...reported.map((n) => `- ${inline(n.label)}: ${formatMetric(n.value, n)}`), "");
    if (team.helpWanted.length > 0) {
      out.push(
        "#### Help wanted",
        "",
        ...team.helpWanted.map(
          (h) => `- ${h.linkUrl ? `[${inline(h.title)}](${h.linkUrl})` : inline(h.title)}${h.contact ? ` (${inline(h.contact)})` : ""}`,
        ),
        "",
      );
    }
    if (team.links.length > 0) out.push("#### Links", "", ...team.links.map((l) => `- [${inline(l.label)}](${l.url})`), "");
  }

  out.push("## The cycle in numbers", "");
  const previous = report.previousCycle;
  out.push(
    `| Figure | ${previous ? `${inline(previous.name)} | ` : ""}${inline(cycle.name)} |`,
    `| --- | ${previous ? "---: | " : ""}---: |`,
  );
  for (const n of report.numbers) {
    const before = previous?.numbers.find((p) => p.key === n.key);
    out.push(`| ${inline(n.label)} | ${previous ? `${formatMetric(before?.value ?? null, n)} | ` : ""}${formatMetric(n.value, n)} |`);
  }
  const delivered = (d: { planned: number; delivered: number }) => `${d.delivered} of ${d.planned}`;
  out.push(
    `| Roadmap items delivered | ${previous ? `${delivered(previous.delivery)} | ` : ""}${delivered(report.delivery.overall)} |`,
    "",
  );

  if (report.topics.length > 0) {
    out.push("## Community topics", "");
    for (const topic of report.topics) {
      out.push(`### ${inline(topic.title)}`, "");
      if (topic.notes) out.push(topic.notes, "");
      out.push(`**Outcome:** ${topic.outcome === "decision" ? topic.decision : "no decision yet."}`, "");
      if (topic.actionItems.length > 0)
        out.push(
          "Action items:",
          "",
          ...topic.actionItems.map((a) => `- ${inline(a.description)}${a.ownerName ? ` (${inline(a.ownerName)})` : ""}`),
          "",
        );
    }
  }
  return `${out.join("\n").trim()}\n`;
}
