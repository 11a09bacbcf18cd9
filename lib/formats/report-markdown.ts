/** The cycle's recap as a Markdown document, from the same data as /cycles/[name]/report. */
import { formatDay } from "../dates";
import type { CycleReport } from "../dal/views/reports";
import { HEALTH_LABELS, type UpdateSectionKey } from "../domain";
import { formatMetric } from "../metrics";

/** Text from a name or headline, safe to place inline in Markdown. */
export const inline = (text: string) => text.replace(/([\\`*_[\]<>#|])/g, "\\$1");

type RecapCycle = Pick<CycleReport["cycle"], "status" | "startsOn" | "targetReleaseOn" | "releasedOn">;

/** Whether a cycle is behind us on `today` (YYYY-MM-DD): released, on a day that has come. */
export function cycleIsOver(cycle: RecapCycle, today: string): boolean {
  return cycle.status === "released" && (cycle.releasedOn === null || cycle.releasedOn <= today);
}

/**
 * "started on … and was released on …", in the tense `today` calls for: a recap read long
 * after the release, or while the cycle runs, or before it begins (page and Markdown alike).
 */
export function cycleDates(cycle: RecapCycle, today: string): string {
  const start = `${cycle.startsOn <= today ? "started" : "starts"} on ${formatDay(cycle.startsOn)}`;
  const release =
    cycle.releasedOn !== null
      ? cycle.releasedOn <= today
        ? `was released on ${formatDay(cycle.releasedOn)}`
        : `is due to be released on ${formatDay(cycle.releasedOn)}`
      : cycle.status === "released"
        ? `was released (planned for ${formatDay(cycle.targetReleaseOn)})`
        : cycle.targetReleaseOn >= today
          ? `is due to be released on ${formatDay(cycle.targetReleaseOn)}`
          : `was due to be released on ${formatDay(cycle.targetReleaseOn)}`;
  return `${start} and ${release}`;
}

/** The sections of each team in a recap, in order, with their headings: in the past tense once the cycle is over. */
export function reportSections(over: boolean): readonly (readonly [UpdateSectionKey, string])[] {
  return [
    ["done", "What was done"],
    ["inProgress", over ? "What was under way" : "What is under way"],
    ["planned", over ? "What came next" : "What is next"],
    ["risks", "Risks"],
    ["helpWanted", over ? "Where help was wanted" : "Where help is wanted"],
  ];
}

/** What a team's section says when it has no update. */
export const noUpdate = (over: boolean) => (over ? "No update was posted for this cycle." : "No update posted for this cycle yet.");

export function reportMarkdown(report: CycleReport, communityName: string, today: string): string {
  const { cycle } = report;
  const over = cycleIsOver(cycle, today);
  const out: string[] = [];
  const title = `${communityName} ${cycle.name}: the cycle in review`;
  out.push(`# ${inline(title)}`, "");
  out.push(
    `The ${inline(cycle.name)} cycle ${cycleDates(cycle, today)}. ${report.teams.filter((t) => t.update).length} of ${report.teams.length} teams posted an update.`,
    "",
  );
  if (cycle.summary) out.push(cycle.summary, "");

  out.push("## Project team updates", "");
  for (const team of report.teams) {
    out.push(`### ${inline(team.name)}`, "");
    if (team.mission) out.push(team.mission, "");
    if (!team.update) {
      out.push(`_${noUpdate(over)}_`, "");
      continue;
    }
    out.push(`**${inline(team.update.headline)}** (${HEALTH_LABELS[team.update.health]})`, "");
    if (team.update.summary) out.push(team.update.summary, "");
    for (const [field, heading] of reportSections(over))
      if (team.update[field].trim()) out.push(`#### ${heading}`, "", team.update[field], "");
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
