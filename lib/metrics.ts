/**
 * Metrics in one place: how a value of each kind (lib/domain.ts METRIC_KIND) is read from
 * what someone typed or sent, how a cycle's figure is formed from the values recorded during
 * it, which of two figures is better, and how a figure is shown. Every page, chart, export
 * and report formats through `formatMetric`, so a kind reads the same everywhere.
 *
 * How a cycle's figure is formed, by the metric's aggregation:
 * - sum: every value added up (e.g. test cases executed, across weekly reports and teams);
 * - latest: each team's most recent value, added up across teams (a running total or a level);
 * - average: the mean of every value (e.g. a pass rate).
 * A version is never added up: the figure is the newest of the teams' latest versions.
 * Which values count at all (published, not replaced by a correction) is the data layer's
 * question (lib/dal/metrics/reads.ts). No values give null, never 0: "not reported" must not
 * read as "zero".
 */
import { METRIC_DECIMALS, type MetricAggregation, type MetricDirection, type MetricKind } from "./domain";

/** What reading, comparing and showing a metric's values needs to know about it. */
export interface MetricShape {
  kind: MetricKind;
  /** A decimal metric's precision; null for the other kinds. */
  decimals: number | null;
}

/** A figure or one value: a number (a duration in seconds), a version's text, or null when nothing was reported. */
export type Figure = number | string | null;

/** One value that counts towards a figure: a number, or a version's text (figureOf). */
export interface RecordedValue {
  teamId: number;
  value: number | string;
  observedAt: number;
}

const LIMIT = 1e12;
const MAX_TEXT = 40;

// ---------------------------------------------------------------------------
// Versions

const VERSION = /^[vV]?(\d{1,9}(?:\.\d{1,9}){0,5})(?:-([0-9A-Za-z.-]{1,20}))?(?:\+[0-9A-Za-z.-]{1,20})?$/;

export const isVersion = (text: string) => VERSION.test(text);

/**
 * Orders two versions the way releases follow each other: segment by segment as numbers
 * (1.27 < 1.29 < 1.32 < 1.100; 1.2 = 1.2.0), a pre-release (1.34.0-rc.1) before its release.
 */
export function compareVersions(a: string, b: string): number {
  const [matchA, matchB] = [VERSION.exec(a), VERSION.exec(b)];
  // Text stored before the metric was a version: ordered as text, numbers within it as numbers.
  if (!matchA || !matchB) return Math.sign(a.localeCompare(b, "en", { numeric: true }));
  const [, mainA = "", preA] = matchA;
  const [, mainB = "", preB] = matchB;
  const segmentsA = mainA.split(".").map(Number);
  const segmentsB = mainB.split(".").map(Number);
  for (let i = 0; i < Math.max(segmentsA.length, segmentsB.length); i++) {
    const diff = (segmentsA[i] ?? 0) - (segmentsB[i] ?? 0);
    if (diff !== 0) return Math.sign(diff);
  }
  if (preA === undefined || preB === undefined) return preA === preB ? 0 : preA === undefined ? 1 : -1;
  return Math.sign(preA.localeCompare(preB, "en", { numeric: true }));
}

// ---------------------------------------------------------------------------
// Durations, kept in seconds

const DURATION_UNITS: [string, number][] = [
  ["w", 604_800],
  ["d", 86_400],
  ["h", 3_600],
  ["m", 60],
  ["s", 1],
];
const DURATION_PART = /(\d+(?:\.\d+)?)\s*(w|d|h|m|s)/g;
const ISO_DURATION = /^P(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;

/** "2d 4h", "1h 30m 15s", "45m", "1:30" (h:mm), "1:30:15", or ISO 8601 ("PT1H30M"), in seconds; null when unreadable. */
export function parseDuration(text: string): number | null {
  const trimmed = text.trim().toLowerCase();
  const clock = /^(\d+):([0-5]\d)(?::([0-5]\d))?$/.exec(trimmed);
  if (clock) return Number(clock[1]) * 3600 + Number(clock[2]) * 60 + Number(clock[3] ?? 0);
  const iso = ISO_DURATION.exec(trimmed);
  if (iso && trimmed !== "p" && !trimmed.endsWith("t")) {
    const [, w = 0, d = 0, h = 0, m = 0, s = 0] = iso;
    return Number(w) * 604_800 + Number(d) * 86_400 + Number(h) * 3_600 + Number(m) * 60 + Number(s);
  }
  const unit = new Map(DURATION_UNITS);
  let seconds = 0;
  let matched = "";
  for (const [part, amount, name] of trimmed.matchAll(DURATION_PART)) {
    seconds += Number(amount) * unit.get(name!)!;
    matched += part;
  }
  return matched.length > 0 && matched.replace(/\s/g, "") === trimmed.replace(/\s/g, "") ? seconds : null;
}

/** Seconds as days, hours, minutes and seconds ("1h 30m 15s"), which parseDuration reads back. */
export function formatDuration(seconds: number): string {
  let rest = Math.round(Math.abs(seconds));
  const parts: string[] = [];
  for (const [name, size] of DURATION_UNITS.slice(1)) {
    const amount = Math.floor(rest / size);
    rest -= amount * size;
    if (amount > 0) parts.push(`${amount.toLocaleString("en-US")}${name}`);
  }
  return `${seconds < 0 ? "−" : ""}${parts.join(" ") || "0s"}`;
}

/** Whole days, hours, minutes or seconds, whichever suits the largest value: a duration axis's ticks. */
export function durationTicks(max: number, count = 4): number[] {
  const size = DURATION_UNITS.slice(1).find(([, s]) => max >= 2 * s)?.[1] ?? 1;
  const step = Math.max(1, Math.ceil(max / size / count)) * size;
  const ticks = [0];
  while (ticks.at(-1)! < max) ticks.push(ticks.at(-1)! + step);
  return ticks;
}

// ---------------------------------------------------------------------------
// Reading a value

export type ParsedValue = { ok: true; value: number; entered: string | null } | { ok: false; message: string };

const refused = (message: string): ParsedValue => ({ ok: false, message });

function numberFrom(input: number | string): number | null {
  if (typeof input === "number") return Number.isFinite(input) ? input : null;
  const text = input
    .trim()
    .replace(/^(-?\d{1,3}(?:,\d{3})+)(\.\d+)?$/, (_m, whole: string, fraction = "") => whole.replace(/,/g, "") + fraction);
  return /^-?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(text) ? Number(text) : null;
}

/**
 * A value as someone typed (text) or a client sent it (a number or text), read by the metric's
 * kind; the message says what to send instead. The forms, the editor and the API all read through here.
 */
export function parseMetricValue(shape: MetricShape, input: number | string): ParsedValue {
  if (typeof input === "string" && input.trim().length > MAX_TEXT) return refused(`Keep the value under ${MAX_TEXT} characters`);
  if (shape.kind === "version") {
    if (typeof input !== "string") return refused('Send a version as text, e.g. "1.32": as a number, 1.10 would read as 1.1');
    const text = input.trim();
    return isVersion(text) ? { ok: true, value: 0, entered: text } : refused("Enter a version such as 1.32 or 2.0.1");
  }
  if (shape.kind === "duration") {
    const seconds = typeof input === "number" ? input : parseDuration(input);
    if (seconds === null || !Number.isFinite(seconds)) return refused("Enter a duration such as 2d 4h, 1h 30m or 45m");
    if (seconds < 0) return refused("A duration cannot be negative");
    if (seconds > LIMIT) return refused("Too large");
    return { ok: true, value: seconds, entered: null };
  }
  const number = numberFrom(typeof input === "string" && shape.kind === "percentage" ? input.trim().replace(/\s*%$/, "") : input);
  if (number === null) return refused("Enter a number");
  if (Math.abs(number) > LIMIT) return refused(number > 0 ? "Too large" : "Too small");
  if (shape.kind === "count" && !Number.isInteger(number)) return refused("A count is a whole number");
  if (shape.kind === "percentage" && (number < 0 || number > 100)) return refused("A percentage is between 0 and 100");
  return { ok: true, value: number, entered: null };
}

/** A stored value as the text to edit it from, which parseMetricValue reads back. */
export function editableText(shape: MetricShape, value: { value: number; entered: string | null }): string {
  if (shape.kind === "version") return value.entered ?? String(value.value);
  if (shape.kind === "duration") return formatDuration(value.value);
  return String(value.value);
}

// ---------------------------------------------------------------------------
// Forming a cycle's figure

/** A stored value as a figure: a version's text, the number otherwise. */
export const figureOf = (kind: MetricKind, v: { value: number; entered: string | null }): number | string =>
  kind === "version" ? (v.entered ?? String(v.value)) : v.value;

function latestByTeam(values: readonly RecordedValue[]): RecordedValue[] {
  const latest = new Map<number, RecordedValue>();
  for (const v of values) {
    const current = latest.get(v.teamId);
    if (!current || v.observedAt >= current.observedAt) latest.set(v.teamId, v);
  }
  return [...latest.values()];
}

export function aggregateMetric(metric: { kind: MetricKind; aggregation: MetricAggregation }, values: readonly RecordedValue[]): Figure {
  if (values.length === 0) return null;
  if (metric.kind === "version")
    return latestByTeam(values)
      .map((v) => String(v.value))
      .reduce((newest, v) => (compareVersions(v, newest) > 0 ? v : newest));
  const total = (list: readonly RecordedValue[]) => list.reduce((sum, v) => sum + Number(v.value), 0);
  switch (metric.aggregation) {
    case "sum":
      return total(values);
    case "average":
      return total(values) / values.length;
    case "latest":
      return total(latestByTeam(values));
  }
}

// ---------------------------------------------------------------------------
// Comparing figures

/** Which way `after` lies from `before`: 1 higher (or newer), -1 lower, 0 the same; null when either is missing. */
export function compareFigures(kind: MetricKind, before: Figure, after: Figure): number | null {
  if (before === null || after === null) return null;
  if (kind === "version") return compareVersions(String(after), String(before));
  return Math.sign(Number(after) - Number(before));
}

/** Whether `after` is better than `before`, by the metric's direction (a newer version is higher). */
export function judgeChange(metric: { kind: MetricKind; direction: MetricDirection }, before: Figure, after: Figure) {
  const way = compareFigures(metric.kind, before, after);
  if (way === null) return null;
  if (way === 0) return "same" as const;
  return way > 0 === (metric.direction === "higher_is_better") ? ("better" as const) : ("worse" as const);
}

/** The change from `before` to `after`, in the metric's own terms: "+12", "+2.1 pts", "+1h 30m", "newer". */
export function formatChange(shape: MetricShape, before: Figure, after: Figure): string | null {
  const way = compareFigures(shape.kind, before, after);
  if (way === null) return null;
  if (shape.kind === "version") return way === 0 ? "same" : way > 0 ? "newer" : "older";
  const diff = Number(after) - Number(before);
  const sign = diff > 0 ? "+" : diff < 0 ? "−" : "±";
  if (shape.kind === "percentage") return `${sign}${formatNumber(Math.abs(diff), 1)} pts`;
  if (shape.kind === "duration") return `${sign}${formatDuration(Math.abs(diff))}`;
  return `${sign}${formatMetric(Math.abs(diff), shape)}`;
}

// ---------------------------------------------------------------------------
// Showing figures

function formatNumber(value: number, decimals: number, exact = false): string {
  return value.toLocaleString("en-US", { minimumFractionDigits: exact ? decimals : 0, maximumFractionDigits: decimals });
}

/** A figure as every page, chart, export and report shows it. */
export function formatMetric(figure: Figure, shape: MetricShape): string {
  if (figure === null) return "—";
  if (shape.kind === "version" || typeof figure === "string") return String(figure);
  switch (shape.kind) {
    case "count":
      return formatNumber(figure, 1);
    case "percentage":
      return `${formatNumber(figure, 1)}%`;
    case "decimal": {
      const decimals = Math.min(METRIC_DECIMALS.max, Math.max(METRIC_DECIMALS.min, shape.decimals ?? 2));
      return formatNumber(figure, decimals, true);
    }
    case "duration":
      return formatDuration(figure);
  }
}

/** What to type, shown beside a metric's field. */
export function entryHint(shape: MetricShape): string {
  switch (shape.kind) {
    case "count":
      return "A whole number";
    case "percentage":
      return "0 to 100";
    case "decimal":
      return `A number, shown with ${shape.decimals ?? 2} decimals`;
    case "duration":
      return "e.g. 2d 4h, 1h 30m or 45m";
    case "version":
      return "e.g. 1.32, shown as typed";
  }
}
