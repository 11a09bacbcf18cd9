/** A cycle export as CSV, one table per part, written by csv-stringify (RFC 4180 quoting). */
import { stringify } from "csv-stringify/sync";
import { z } from "@/lib/validation/zod";
import type { CycleExport } from "@/lib/dal/views/cycle-export";
import { UPDATE_SECTIONS } from "@/lib/domain";
import { formatMetric } from "@/lib/metrics";

export const CSV_PARTS = ["updates", "teams", "numbers", "roadmap"] as const;
export type CsvPart = (typeof CSV_PARTS)[number];
export const csvQuerySchema = z.object({ part: z.enum(CSV_PARTS, { error: `Pick one of ${CSV_PARTS.join(", ")}` }).default("updates") });

/** What each part is called where it is offered, e.g. "Updates (CSV)". */
export const CSV_PART_LABELS: Record<CsvPart, string> = {
  updates: "Updates",
  teams: "Team health",
  numbers: "Numbers",
  roadmap: "Roadmap",
};

/** An update's sections as columns, named in snake_case like the rest: "inProgress" → "in_progress". */
const SECTION_COLUMNS = UPDATE_SECTIONS.map(([key]) => [key, key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)] as const);

const joinLinks = (links: { label: string; url: string }[]) => links.map((l) => `${l.label} <${l.url}>`).join("\n");

function table(data: CycleExport, part: CsvPart): Record<string, string | number | boolean | null>[] {
  switch (part) {
    case "updates":
      return data.updates.map((u) => ({
        id: u.id,
        team: u.team,
        published_at: u.publishedAt,
        health: u.health,
        headline: u.headline,
        ...Object.fromEntries(SECTION_COLUMNS.map(([key, column]) => [column, u[key]])),
        gathering: u.gathering,
        links: joinLinks(u.links),
      }));
    case "teams":
      return data.teams.map((t) => ({
        team: t.slug,
        name: t.name,
        health: t.health,
        latest_update_id: t.latestUpdateId,
        last_published_at: t.lastPublishedAt,
        roadmap_done: t.roadmapDone,
        roadmap_total: t.roadmapTotal,
      }));
    case "numbers":
      return [
        ...data.numbers.map((n) => ({
          metric: n.key,
          label: n.label,
          kind: n.kind,
          team: "",
          value: n.value,
          shown: formatMetric(n.value, n),
          observed_at: "",
          counts_in_figure: "",
          note: `cycle figure (${n.aggregation})`,
        })),
        ...data.metricValues.map((v) => {
          const number = data.numbers.find((n) => n.key === v.metric);
          return {
            metric: v.metric,
            label: number?.label ?? "",
            kind: number?.kind ?? "",
            team: v.team,
            value: v.value,
            shown: number ? formatMetric(v.value, number) : String(v.value),
            observed_at: v.observedAt,
            counts_in_figure: v.countsInFigure,
            note: v.note,
          };
        }),
      ];
    case "roadmap":
      return data.roadmapItems.map((i) => ({
        id: i.id,
        team: i.team,
        title: i.title,
        status: i.status,
        kind: i.kind,
        help_wanted: i.helpWanted,
        original_cycle: i.originalCycle,
        description: i.description,
        links: joinLinks(i.links),
      }));
  }
}

const HEADERS: Record<CsvPart, string[]> = {
  updates: ["id", "team", "published_at", "health", "headline", ...SECTION_COLUMNS.map(([, column]) => column), "gathering", "links"],
  teams: ["team", "name", "health", "latest_update_id", "last_published_at", "roadmap_done", "roadmap_total"],
  numbers: ["metric", "label", "kind", "team", "value", "shown", "observed_at", "counts_in_figure", "note"],
  roadmap: ["id", "team", "title", "status", "kind", "help_wanted", "original_cycle", "description", "links"],
};

export function cycleCsv(data: CycleExport, part: CsvPart): string {
  // escape_formulas: a text cell starting with = + - @ gets a leading ', so a spreadsheet shows
  // what someone typed instead of running it as a formula (numbers stay numbers).
  return stringify(table(data, part), {
    header: true,
    columns: HEADERS[part],
    escape_formulas: true,
    cast: { boolean: (value) => (value ? "yes" : "no") },
  });
}
