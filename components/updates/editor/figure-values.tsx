"use client";

/**
 * Beside each number in the editor: the cycle's figure as it stands and every public value it
 * is made of (who or what recorded it, when, its note), each of them correctable and deletable
 * by whoever may record values for the team. It sits inside the editor's form, so it has no
 * form of its own: its buttons are plain buttons, and Enter in its fields saves the correction.
 */
import { useMutation } from "@tanstack/react-query";
import { useId, useState, type KeyboardEvent } from "react";
import { deleteMetricValueAction, editMetricValueAction } from "@/app/(signed-in)/updates/actions";
import { Button, inputClass } from "@/components/ui/form";
import type { EditorMetric } from "@/lib/dal/updates/editor";
import type { ValueSource } from "@/lib/dal/metrics/reads";
import { formatTimestamp } from "@/lib/dates";
import type { ActionResult } from "@/lib/http/action-result";
import { editableText, entryHint, formatMetric, parseMetricValue } from "@/lib/metrics";

type Value = EditorMetric["figure"]["values"][number];

function sourceWords(source: ValueSource): string {
  switch (source.via) {
    case "update":
      return `from the update “${source.headline}”${source.person ? ` by ${source.person}` : ""}`;
    case "token":
      return `by the API token “${source.token}”${source.person ? ` of ${source.person}` : ""}`;
    case "person":
      return `by ${source.person}`;
    case "system":
      return "by a command-line tool";
  }
}

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function FigureValues({ metric, cycleName, canCorrect }: { metric: EditorMetric; cycleName: string; canCorrect: boolean }) {
  const { figure } = metric;
  const headingId = useId();
  if (figure.values.length === 0)
    return <p className="text-xs text-slate-700 dark:text-slate-300">Nothing recorded for {cycleName} yet.</p>;
  return (
    <div className="mt-1 text-xs">
      <p id={headingId} className="text-slate-700 dark:text-slate-300">
        {cycleName}&rsquo;s figure: <span className="font-semibold">{formatMetric(figure.value, metric)}</span>, from these values:
      </p>
      <ul aria-labelledby={headingId} className="mt-1 space-y-1">
        {figure.values.map((v) => (
          <FigureValueRow key={v.id} metric={metric} value={v} canCorrect={canCorrect && !v.thisUpdate} />
        ))}
      </ul>
    </div>
  );
}

function FigureValueRow({ metric, value, canCorrect }: { metric: EditorMetric; value: Value; canCorrect: boolean }) {
  const [mode, setMode] = useState<"show" | "correct" | "delete">("show");
  const shown = formatMetric(value.value, metric);
  const when = formatTimestamp(value.observedAt);
  // Names each control uniquely: two values of one day can differ only by who recorded them.
  const named = `${shown} ${sourceWords(value.source)}, observed ${when}`;
  return (
    <li className="rounded border border-slate-200 px-2 py-1 dark:border-slate-700">
      <span className={value.counts ? "font-medium" : "line-through"}>{shown}</span> {sourceWords(value.source)}, observed {when}
      {value.note ? <> · {value.note}</> : null}
      {value.thisUpdate ? <> · this update (change it above)</> : null}
      {value.counts ? null : <> · replaced by the team&rsquo;s later update, not counted</>}
      {canCorrect && mode === "show" ? (
        <span className="ml-2 inline-flex gap-2">
          <Button
            type="button"
            variant="secondary"
            className="px-2 py-0.5 text-xs"
            aria-label={`Correct ${named}`}
            onClick={() => setMode("correct")}
          >
            Correct
          </Button>
          <Button
            type="button"
            variant="secondary"
            className="px-2 py-0.5 text-xs"
            aria-label={`Delete ${named}`}
            onClick={() => setMode("delete")}
          >
            Delete
          </Button>
        </span>
      ) : null}
      {mode === "correct" ? <CorrectValue metric={metric} value={value} named={named} onDone={() => setMode("show")} /> : null}
      {mode === "delete" ? <DeleteValue id={value.id} named={named} onDone={() => setMode("show")} /> : null}
    </li>
  );
}

function failureOf(result: ActionResult | undefined, error: unknown) {
  if (error) return { message: "Could not save — the server did not answer.", fieldErrors: {} as Record<string, string[]> };
  return result && !result.ok ? result : null;
}

function CorrectValue({ metric, value, named, onDone }: { metric: EditorMetric; value: Value; named: string; onDone: () => void }) {
  const id = useId();
  const stored = typeof value.value === "string" ? { value: 0, entered: value.value } : { value: value.value, entered: null };
  const [text, setText] = useState(() => editableText(metric, stored));
  const [note, setNote] = useState(value.note);
  const [day, setDay] = useState(() => dayOf(value.observedAt));
  const [checked, setChecked] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () =>
      editMetricValueAction({
        id: value.id,
        changes: { value: text, note, ...(day !== dayOf(value.observedAt) ? { observedAt: `${day}T00:00:00Z` } : {}) },
      }),
    onSuccess: (result) => {
      if (result.ok) onDone();
    },
  });
  const failure = failureOf(save.data, save.error);
  const errorsOf = (field: string) => [...(failure?.fieldErrors[field] ?? []), ...(failure?.fieldErrors[`changes.${field}`] ?? [])];
  const valueErrors = checked ? [checked] : errorsOf("value");
  function submit() {
    const parsed = parseMetricValue(metric, text);
    setChecked(parsed.ok ? null : parsed.message);
    if (parsed.ok) save.mutate();
  }
  const onEnter = (e: KeyboardEvent) => {
    // The editor's own form is around this one: Enter saves the correction, not the update.
    if (e.key !== "Enter") return;
    e.preventDefault();
    submit();
  };
  const field = (name: string, label: string, input: React.ReactNode, errors: string[], hint?: string) => (
    <div>
      <label htmlFor={`${id}-${name}`} className="block font-medium">
        {label}
      </label>
      {input}
      {hint ? (
        <p id={`${id}-${name}-hint`} className="text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      ) : null}
      {errors.length > 0 ? (
        <p id={`${id}-${name}-error`} role="alert" className="text-red-700 dark:text-red-300">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
  const described = (name: string, errors: string[], hint = false) =>
    [hint ? `${id}-${name}-hint` : null, errors.length > 0 ? `${id}-${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div role="group" aria-label={`Correct ${named}`} className="mt-2 grid gap-2 sm:grid-cols-[10rem_1fr_10rem_auto] sm:items-start">
      {field(
        "value",
        "Value",
        <input
          id={`${id}-value`}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onEnter}
          inputMode={metric.kind === "version" || metric.kind === "duration" ? "text" : "decimal"}
          aria-invalid={valueErrors.length > 0 ? true : undefined}
          aria-describedby={described("value", valueErrors, true)}
          className={inputClass}
        />,
        valueErrors,
        entryHint(metric),
      )}
      {field(
        "note",
        "Note",
        <input
          id={`${id}-note`}
          value={note}
          maxLength={500}
          onChange={(e) => setNote(e.target.value)}
          onKeyDown={onEnter}
          aria-describedby={described("note", errorsOf("note"))}
          className={inputClass}
        />,
        errorsOf("note"),
      )}
      {field(
        "observedAt",
        "Observed on",
        <input
          id={`${id}-observedAt`}
          type="date"
          value={day}
          onChange={(e) => setDay(e.target.value)}
          onKeyDown={onEnter}
          aria-describedby={described("observedAt", errorsOf("observedAt"))}
          className={inputClass}
        />,
        errorsOf("observedAt"),
      )}
      <div className="flex gap-2 sm:pt-5">
        <Button type="button" className="px-2 py-1 text-xs" disabled={save.isPending} onClick={submit}>
          Save correction
        </Button>
        <Button type="button" variant="secondary" className="px-2 py-1 text-xs" onClick={onDone}>
          Cancel
        </Button>
      </div>
      {failure && Object.keys(failure.fieldErrors).length === 0 ? (
        <p role="alert" className="text-red-700 sm:col-span-4 dark:text-red-300">
          {failure.message}
        </p>
      ) : null}
    </div>
  );
}

function DeleteValue({ id, named, onDone }: { id: number; named: string; onDone: () => void }) {
  const remove = useMutation({
    mutationFn: () => deleteMetricValueAction({ id }),
    onSuccess: (result) => {
      if (result.ok) onDone();
    },
  });
  const failure = failureOf(remove.data, remove.error);
  return (
    <span role="group" aria-label={`Delete ${named}`} className="ml-2 inline-flex flex-wrap items-center gap-2">
      Delete this value? The figure is formed again from the others.
      <Button type="button" variant="danger" className="px-2 py-0.5 text-xs" disabled={remove.isPending} onClick={() => remove.mutate()}>
        Delete value
      </Button>
      <Button type="button" variant="secondary" className="px-2 py-0.5 text-xs" onClick={onDone}>
        Keep it
      </Button>
      {failure ? (
        <span role="alert" className="text-red-700 dark:text-red-300">
          {failure.message}
        </span>
      ) : null}
    </span>
  );
}
