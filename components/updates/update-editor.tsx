"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { discardDraftAction, publishUpdateAction, saveUpdateAction } from "@/app/(signed-in)/updates/actions";
import { Button, inputClass } from "@/components/ui/form";
import type { UpdateForEditing } from "@/lib/dal/updates/editor";
import type { UpdateSnapshot } from "@/lib/dal/updates/writes";
import type { ActionResult } from "@/lib/http/action-result";
import { HEALTH, HEALTH_LABELS, UPDATE_SECTIONS, type Health, type UpdateSectionKey } from "@/lib/domain";
import { saveUpdateSchema, UPDATE_LIMITS } from "@/lib/validation/update";
import { fieldErrorsOf } from "@/lib/validation/zod";
import { HealthBadge } from "./health-badge";
import { UpdateSections } from "./update-sections";

const SECTION_HINTS: Record<UpdateSectionKey, string> = {
  summary: "The state of the team in two or three sentences.",
  done: "What landed since the last update.",
  inProgress: "What is being worked on now.",
  planned: "What comes next.",
  risks: "What could stop the team, and what would help.",
  helpWanted: "Where newcomers and other teams can help, with links.",
};

const FIELD_LABELS: Record<string, string> = {
  headline: "Headline",
  health: "Health",
  ...Object.fromEntries(UPDATE_SECTIONS),
  privateNote: "Private note",
  links: "Links",
};

type Form = UpdateSnapshot & { gatheringSlug: string; metrics: Record<number, string> };

function formFrom(initial: UpdateForEditing): Form {
  return {
    ...initial.snapshot,
    gatheringSlug: initial.gatheringSlug ?? "",
    metrics: Object.fromEntries(initial.metrics.map((m) => [m.metricId, m.value === null ? "" : String(m.value)])),
  };
}

function payload(form: Form, id: number, expectedVersion: number) {
  const { links, gatheringSlug, metrics, ...content } = form;
  return {
    id,
    expectedVersion,
    gatheringSlug: gatheringSlug || null,
    content,
    links: links.filter((l) => l.label.trim() || l.url.trim()),
    metrics: Object.entries(metrics).map(([metricId, value]) => ({
      metricId: Number(metricId),
      value: value.trim() === "" ? null : Number(value),
    })),
  };
}

/** Field errors keyed as the zod paths of the payload ("content.headline", "links.0.url", "metrics.2.value"). */
function validate(form: Form, id: number, version: number): Record<string, string[]> {
  const result = saveUpdateSchema.safeParse(payload(form, id, version));
  return result.success ? {} : fieldErrorsOf(result.error);
}

const comparable = (form: Form) => JSON.stringify(payload(form, 0, 1));

/** A draft saves itself this long after typing stops. */
const AUTOSAVE_DELAY_MS = 1200;
/** After failed saves (the database or the network unavailable): 2, 4, 8 … seconds, at most a minute. */
const retryDelayMs = (failures: number) => Math.min(60_000, 1000 * 2 ** failures);
const UNANSWERED = "Could not save — the server did not answer. Everything you typed is still here.";

export function UpdateEditor({ initial }: { initial: UpdateForEditing }) {
  const router = useRouter();
  const [form, setForm] = useState<Form>(() => formFrom(initial));
  const [version, setVersion] = useState(initial.version);
  const [state, setState] = useState(initial.state);
  /** What the server holds as of `version`: the base a conflict is measured against. */
  const [saved, setSaved] = useState<Form>(() => formFrom(initial));
  const [serverErrors, setServerErrors] = useState<{ message: string; fieldErrors: Record<string, string[]> } | null>(null);
  const [conflict, setConflict] = useState<{ version: number; snapshot: UpdateSnapshot } | null>(null);
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [showErrors, setShowErrors] = useState(false);
  /** Saves failed in a row for reasons that may pass (storage, network); drives the backoff. */
  const [failures, setFailures] = useState(0);

  const errors = useMemo(() => validate(form, initial.id, version), [form, initial.id, version]);
  const dirty = comparable(form) !== comparable(saved);
  const fieldErrors = { ...(showErrors ? errors : {}), ...(serverErrors?.fieldErrors ?? {}) };

  function handleResult(result: ActionResult<{ version: number }>, submitted: Form) {
    if (result.ok) {
      setVersion(result.version);
      setSaved(submitted);
      setServerErrors(null);
      setSavedAt(new Date());
      setFailures(0);
      return true;
    }
    if (result.conflict) setConflict(result.conflict as { version: number; snapshot: UpdateSnapshot });
    setFailures((n) => (result.retryable ? n + 1 : 0));
    setServerErrors({ message: result.message, fieldErrors: result.fieldErrors });
    return false;
  }

  function handleUnanswered() {
    setFailures((n) => n + 1);
    setServerErrors({ message: UNANSWERED, fieldErrors: {} });
  }

  const save = useMutation({
    mutationFn: (submitted: Form) => saveUpdateAction(payload(submitted, initial.id, version)),
    onSuccess: (result, submitted) => handleResult(result, submitted),
    onError: handleUnanswered,
  });

  const publish = useMutation({
    // One step on the server: what is not saved yet is saved with the publish, or neither happens.
    mutationFn: (submitted: Form) => {
      const { id, expectedVersion, ...changes } = payload(submitted, initial.id, version);
      return publishUpdateAction({ id, expectedVersion, changes: comparable(submitted) !== comparable(saved) ? changes : null });
    },
    onSuccess: (result, submitted) => {
      if (handleResult(result, submitted)) {
        setState("published");
        router.push(`/updates/${initial.id}`);
      }
    },
    onError: handleUnanswered,
  });

  // Drafts save themselves a moment after typing stops, and retry with growing pauses while
  // saving fails; published updates save on request (each save of a published update keeps a revision).
  const pending = save.isPending || publish.isPending;
  const autosave = save.mutate;
  const autosaveDelay = failures > 0 ? retryDelayMs(failures) : AUTOSAVE_DELAY_MS;
  useEffect(() => {
    if (state !== "draft" || !dirty || conflict || pending || Object.keys(errors).length > 0) return;
    const timer = setTimeout(() => autosave(form), autosaveDelay);
    return () => clearTimeout(timer);
  }, [form, state, dirty, conflict, pending, errors, autosave, autosaveDelay]);

  function trySave() {
    setShowErrors(true);
    if (Object.keys(errors).length === 0) save.mutate(form);
  }
  function tryPublish() {
    setShowErrors(true);
    if (Object.keys(errors).length === 0) publish.mutate(form);
  }

  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));
  const errorFor = (key: string) => fieldErrors[key];

  const changedMeanwhile = conflict
    ? (Object.keys(FIELD_LABELS) as (keyof UpdateSnapshot)[]).filter(
        (k) => JSON.stringify(conflict.snapshot[k]) !== JSON.stringify(saved[k]),
      )
    : [];

  function keepMine() {
    if (!conflict) return;
    setVersion(conflict.version);
    setSaved({ ...saved, ...conflict.snapshot });
    setConflict(null);
    setServerErrors(null);
  }
  function takeTheirs() {
    if (!conflict) return;
    const theirs = { ...form, ...conflict.snapshot };
    setForm(theirs);
    setSaved(theirs);
    setVersion(conflict.version);
    setConflict(null);
    setServerErrors(null);
  }

  const notSaved = state === "draft" ? `Not saved — retrying in ${Math.round(autosaveDelay / 1000)} s` : "Not saved";
  const status = pending
    ? "Saving…"
    : failures > 0 && dirty
      ? notSaved
      : dirty
        ? state === "draft"
          ? "Unsaved changes"
          : "Unsaved changes — save to publish them"
        : savedAt
          ? `Saved at ${savedAt.toLocaleTimeString()}`
          : "All changes saved";

  return (
    <div className="grid gap-8 lg:grid-cols-2">
      <div className="space-y-6">
        <header>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            <Link href={`/teams/${initial.team.slug}`} className="hover:underline">
              {initial.team.name}
            </Link>{" "}
            · Cycle {initial.cycle.name} ·{" "}
            {state === "draft" ? "Draft, visible to your team's leads and release managers only" : "Published"}
          </p>
          <h1 className="text-2xl font-bold tracking-tight">{state === "draft" ? "Write the update" : "Edit the update"}</h1>
          <p role="status" aria-live="polite" className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            {status}
          </p>
        </header>

        {conflict ? (
          <div
            role="alert"
            className="space-y-3 rounded-lg border border-amber-400 bg-amber-50 p-4 text-sm dark:border-amber-700 dark:bg-amber-950"
          >
            <p className="font-semibold">Someone saved this update after you opened it.</p>
            <p>
              Changed meanwhile:{" "}
              {changedMeanwhile.length > 0 ? changedMeanwhile.map((k) => FIELD_LABELS[k]).join(", ") : "nothing you can see here"}.
              Everything you typed is still in the form.
            </p>
            {changedMeanwhile.length > 0 ? (
              <details>
                <summary className="cursor-pointer">Their version of what changed</summary>
                <dl className="mt-2 space-y-2">
                  {changedMeanwhile.map((k) => (
                    <div key={k}>
                      <dt className="font-medium">{FIELD_LABELS[k]}</dt>
                      <dd className="whitespace-pre-wrap rounded bg-white p-2 dark:bg-slate-900">
                        {k === "links"
                          ? conflict.snapshot.links.map((l) => `${l.label} — ${l.url}`).join("\n")
                          : String(conflict.snapshot[k])}
                      </dd>
                    </div>
                  ))}
                </dl>
              </details>
            ) : null}
            <div className="flex flex-wrap gap-2">
              <Button type="button" onClick={keepMine}>
                Keep mine, then save over theirs
              </Button>
              <Button type="button" variant="secondary" onClick={takeTheirs}>
                Discard mine and load theirs
              </Button>
            </div>
          </div>
        ) : serverErrors ? (
          <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
            {serverErrors.message}
          </p>
        ) : null}

        <form
          className="space-y-5"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            trySave();
          }}
        >
          <TextField
            label="Headline"
            name="headline"
            value={form.headline}
            max={UPDATE_LIMITS.headline}
            errors={errorFor("content.headline")}
            onChange={(v) => set("headline", v)}
          />

          <fieldset>
            <legend className="text-sm font-medium">Health</legend>
            <div className="mt-1 grid gap-2 sm:grid-cols-2">
              {HEALTH.map((h) => {
                const definition = initial.healthDefinitions.find((d) => d.health === h);
                return (
                  <label
                    key={h}
                    className="flex cursor-pointer items-start gap-2 rounded-md border border-slate-200 p-2 text-sm has-[:checked]:border-accent-600 has-[:checked]:bg-indigo-50 dark:border-slate-700 dark:has-[:checked]:bg-indigo-950"
                  >
                    <input
                      type="radio"
                      name="health"
                      value={h}
                      checked={form.health === h}
                      onChange={() => set("health", h as Health)}
                      className="mt-1"
                    />
                    <span>
                      <span className="font-medium">{HEALTH_LABELS[h]}</span>
                      {definition ? <span className="block text-xs text-slate-600 dark:text-slate-400">{definition.meaning}</span> : null}
                    </span>
                  </label>
                );
              })}
            </div>
          </fieldset>

          {initial.gatherings.length > 0 ? (
            <div>
              <label htmlFor="editor-gathering" className="block text-sm font-medium">
                Gathering
              </label>
              <select
                id="editor-gathering"
                value={form.gatheringSlug}
                onChange={(e) => set("gatheringSlug", e.target.value)}
                className={inputClass}
              >
                <option value="">None</option>
                {initial.gatherings.map((g) => (
                  <option key={g.slug} value={g.slug}>
                    {g.name}
                  </option>
                ))}
              </select>
            </div>
          ) : null}

          {UPDATE_SECTIONS.map(([key, label]) => (
            <TextField
              key={key}
              label={label}
              hint={`${SECTION_HINTS[key]} Markdown.`}
              name={key}
              value={form[key]}
              max={UPDATE_LIMITS.section}
              errors={errorFor(`content.${key}`)}
              onChange={(v) => set(key, v)}
            />
          ))}

          {initial.metrics.length > 0 ? (
            <fieldset className="space-y-3">
              <legend className="text-sm font-medium">Numbers</legend>
              {initial.metrics.map((m, i) => (
                <div key={m.metricId}>
                  <label htmlFor={`metric-${m.metricId}`} className="block text-sm">
                    {m.label}
                    {m.unit === "percent" ? " (%)" : ""}
                  </label>
                  <div className="flex items-center gap-3">
                    <input
                      id={`metric-${m.metricId}`}
                      inputMode="decimal"
                      value={form.metrics[m.metricId] ?? ""}
                      onChange={(e) => set("metrics", { ...form.metrics, [m.metricId]: e.target.value })}
                      aria-invalid={errorFor(`metrics.${i}.value`) ? true : undefined}
                      aria-describedby={`metric-${m.metricId}-previous`}
                      className={`${inputClass} max-w-40`}
                    />
                    <span id={`metric-${m.metricId}-previous`} className="text-xs text-slate-600 dark:text-slate-400">
                      {m.previous ? `${m.previous.cycleName}: ${m.previous.value ?? "not reported"}` : "No earlier cycle"}
                    </span>
                  </div>
                  <FieldErrors errors={errorFor(`metrics.${i}.value`)} />
                </div>
              ))}
            </fieldset>
          ) : null}

          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">Links</legend>
            {form.links.map((link, i) => (
              <div key={i} className="grid gap-2 sm:grid-cols-[1fr_2fr_auto]">
                <div>
                  <label htmlFor={`link-label-${i}`} className="sr-only">
                    Link {i + 1} label
                  </label>
                  <input
                    id={`link-label-${i}`}
                    placeholder="Label"
                    value={link.label}
                    onChange={(e) =>
                      set(
                        "links",
                        form.links.map((l, j) => (j === i ? { ...l, label: e.target.value } : l)),
                      )
                    }
                    className={inputClass}
                  />
                  <FieldErrors errors={errorFor(`links.${i}.label`)} />
                </div>
                <div>
                  <label htmlFor={`link-url-${i}`} className="sr-only">
                    Link {i + 1} address
                  </label>
                  <input
                    id={`link-url-${i}`}
                    placeholder="https://…"
                    value={link.url}
                    onChange={(e) =>
                      set(
                        "links",
                        form.links.map((l, j) => (j === i ? { ...l, url: e.target.value } : l)),
                      )
                    }
                    className={inputClass}
                  />
                  <FieldErrors errors={errorFor(`links.${i}.url`)} />
                </div>
                <Button
                  type="button"
                  variant="secondary"
                  onClick={() =>
                    set(
                      "links",
                      form.links.filter((_, j) => j !== i),
                    )
                  }
                  aria-label={`Remove link ${i + 1}`}
                >
                  Remove
                </Button>
              </div>
            ))}
            {form.links.length < UPDATE_LIMITS.links ? (
              <Button type="button" variant="secondary" onClick={() => set("links", [...form.links, { label: "", url: "" }])}>
                Add a link
              </Button>
            ) : null}
          </fieldset>

          <TextField
            label="Private note"
            hint="Only your team's leads and the release managers see this."
            name="privateNote"
            value={form.privateNote}
            max={UPDATE_LIMITS.privateNote}
            errors={errorFor("content.privateNote")}
            onChange={(v) => set("privateNote", v)}
          />

          {showErrors && Object.keys(errors).length > 0 ? (
            <p role="alert" className="text-sm font-medium text-red-700 dark:text-red-400">
              Some fields need attention before this can be saved.
            </p>
          ) : null}

          <div className="flex flex-wrap gap-2 border-t border-slate-200 pt-4 dark:border-slate-700">
            <Button type="submit" variant="secondary" disabled={pending || !!conflict}>
              {state === "draft" ? "Save draft" : "Save changes"}
            </Button>
            {state === "draft" ? (
              <>
                <Button type="button" onClick={tryPublish} disabled={pending || !!conflict}>
                  Publish
                </Button>
                <Button
                  type="button"
                  variant="danger"
                  disabled={pending}
                  onClick={() => {
                    if (window.confirm("Discard this draft? This cannot be undone."))
                      void discardDraftAction({ id: initial.id, teamSlug: initial.team.slug });
                  }}
                >
                  Discard draft
                </Button>
              </>
            ) : (
              <Link href={`/updates/${initial.id}`} className="inline-flex items-center rounded-md px-3 py-2 text-sm underline">
                View the published update
              </Link>
            )}
          </div>
        </form>
      </div>

      <aside aria-label="Preview" tabIndex={0} className="lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:overflow-y-auto">
        <p className="mb-2 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
          Preview, as readers will see it
        </p>
        <div className="rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
          <h2 className="text-2xl font-bold tracking-tight">{form.headline || "Headline"}</h2>
          <div className="my-3">
            <HealthBadge health={form.health} />
          </div>
          <UpdateSections update={form} headingLevel={3} />
        </div>
      </aside>
    </div>
  );
}

function FieldErrors({ errors }: { errors?: string[] }) {
  if (!errors) return null;
  return <p className="mt-1 text-sm text-red-700 dark:text-red-400">{errors.join(" ")}</p>;
}

function Counter({ value, max, id }: { value: string; max: number; id: string }) {
  return (
    <span id={id} className={`text-xs ${value.length > max ? "text-red-700 dark:text-red-400" : "text-slate-600 dark:text-slate-400"}`}>
      {value.length.toLocaleString("en-US")} / {max.toLocaleString("en-US")}
    </span>
  );
}

/** A counted text field of the editor: one line, or a Markdown section when it has a hint. */
function TextField({
  label,
  hint,
  name,
  value,
  max,
  errors,
  onChange,
}: {
  label: string;
  hint?: string;
  name: string;
  value: string;
  max: number;
  errors?: string[];
  onChange: (v: string) => void;
}) {
  const id = `editor-${name}`;
  const common = {
    id,
    value,
    "aria-invalid": errors ? true : undefined,
    "aria-describedby": [hint ? `${id}-hint` : null, `${id}-count`].filter(Boolean).join(" "),
  };
  return (
    <div>
      <div className="flex items-baseline justify-between">
        <label htmlFor={id} className="block text-sm font-medium">
          {label}
        </label>
        <Counter id={`${id}-count`} value={value} max={max} />
      </div>
      {hint ? (
        <>
          <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
            {hint}
          </p>
          <textarea {...common} rows={5} onChange={(e) => onChange(e.target.value)} className={`${inputClass} font-mono`} />
        </>
      ) : (
        <input {...common} onChange={(e) => onChange(e.target.value)} className={inputClass} />
      )}
      <FieldErrors errors={errors} />
    </div>
  );
}
