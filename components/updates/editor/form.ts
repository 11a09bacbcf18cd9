/**
 * The editor's form: what it holds, the payload its server actions take, and where each
 * validation error of that payload is shown (which field id, under which name).
 */
import type { UpdateForEditing } from "@/lib/dal/updates/editor";
import type { UpdateSnapshot } from "@/lib/dal/updates/writes";
import { HEALTH, UPDATE_SECTIONS } from "@/lib/domain";
import { parseMetricValue, type MetricShape } from "@/lib/metrics";
import { saveUpdateSchema } from "@/lib/validation/update";
import { fieldErrorsOf } from "@/lib/validation/zod";

export type Form = UpdateSnapshot & { gatheringSlug: string; metrics: Record<number, string> };

export const FIELD_LABELS: Record<string, string> = {
  headline: "Headline",
  health: "Health",
  ...Object.fromEntries(UPDATE_SECTIONS),
  privateNote: "Private note",
  links: "Links",
};

export function formFrom(initial: UpdateForEditing): Form {
  return {
    ...initial.snapshot,
    gatheringSlug: initial.gatheringSlug ?? "",
    metrics: Object.fromEntries(initial.metrics.map((m) => [m.metricId, m.value])),
  };
}

/** Links with a label or an address, each with its row in the form (empty rows are not sent). */
const sentLinks = (form: Form) => form.links.map((link, row) => ({ link, row })).filter(({ link }) => link.label.trim() || link.url.trim());
const sentMetrics = (form: Form) => Object.entries(form.metrics).map(([metricId, value]) => ({ metricId: Number(metricId), value }));

export function payload(form: Form, id: number, expectedVersion: number) {
  const { gatheringSlug, headline, health, summary, done, inProgress, planned, risks, helpWanted, privateNote } = form;
  return {
    id,
    expectedVersion,
    gatheringSlug: gatheringSlug || null,
    content: { headline, health, summary, done, inProgress, planned, risks, helpWanted, privateNote },
    links: sentLinks(form).map(({ link }) => link),
    // Sent as typed: the server reads it by the metric's kind (a version keeps its text).
    metrics: sentMetrics(form).map(({ metricId, value }) => ({ metricId, value: value.trim() === "" ? null : value.trim() })),
  };
}

/** Field errors keyed as the zod paths of the payload ("content.headline", "links.0.url", "metrics.2.value"). */
export function validate(
  form: Form,
  id: number,
  version: number,
  metrics: readonly (MetricShape & { metricId: number })[],
): Record<string, string[]> {
  const result = saveUpdateSchema.safeParse(payload(form, id, version));
  const errors = result.success ? {} : fieldErrorsOf(result.error);
  // What the server would refuse for the metric's kind ("1.5" as a count), said before it is sent.
  sentMetrics(form).forEach(({ metricId, value }, i) => {
    const metric = metrics.find((m) => m.metricId === metricId);
    const parsed = metric && value.trim() !== "" ? parseMetricValue(metric, value) : null;
    if (parsed && !parsed.ok) errors[`metrics.${i}.value`] = [parsed.message];
  });
  return errors;
}

export const comparable = (form: Form) => JSON.stringify(payload(form, 0, 1));

export interface FieldError {
  /** The id of the field to show it beside and to focus; null when no single field holds it. */
  fieldId: string | null;
  label: string;
  messages: string[];
}

/** Each error of the payload, placed on the form field it concerns, in the order the form shows them. */
export function placeErrors(errors: Record<string, string[]>, form: Form, metrics: { metricId: number; label: string }[]): FieldError[] {
  const links = sentLinks(form);
  const sent = sentMetrics(form);
  const sections = UPDATE_SECTIONS.map(([key]) => key as string);
  const place = (path: string): FieldError & { rank: number } => {
    const [head = "", index = "", part] = path.split(".");
    const messages = errors[path]!;
    if (head === "content" && index === "headline") return { fieldId: "editor-headline", label: FIELD_LABELS.headline!, messages, rank: 0 };
    if (head === "content" && index === "health")
      return { fieldId: `editor-health-${HEALTH[0]}`, label: FIELD_LABELS.health!, messages, rank: 1 };
    if (head === "gatheringSlug") return { fieldId: "editor-gathering", label: "Gathering", messages, rank: 2 };
    if (head === "asOf") return { fieldId: "editor-as-of", label: "As of", messages, rank: 20_000 };
    if (head === "content" && sections.includes(index))
      return { fieldId: `editor-${index}`, label: FIELD_LABELS[index]!, messages, rank: 10 + sections.indexOf(index) };
    const metric = head === "metrics" ? sent[Number(index)] : undefined;
    if (metric) {
      const position = metrics.findIndex((m) => m.metricId === metric.metricId);
      return { fieldId: `metric-${metric.metricId}`, label: metrics[position]?.label ?? "Number", messages, rank: 100 + position };
    }
    const link = head === "links" ? links[Number(index)] : undefined;
    if (link) {
      const url = part === "url";
      return {
        fieldId: `link-${url ? "url" : "label"}-${link.row}`,
        label: `Link ${link.row + 1} ${url ? "address" : "label"}`,
        messages,
        rank: 1000 + 2 * link.row + (url ? 1 : 0),
      };
    }
    if (head === "content" && index === "privateNote")
      return { fieldId: "editor-privateNote", label: FIELD_LABELS.privateNote!, messages, rank: 10_000 };
    return { fieldId: null, label: FIELD_LABELS[index || head] ?? "This update", messages, rank: 20_000 };
  };
  return Object.keys(errors)
    .map(place)
    .sort((a, b) => a.rank - b.rank)
    .map(({ rank: _rank, ...error }) => error);
}
