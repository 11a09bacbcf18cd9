"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { discardDraftAction, publishUpdateAction, saveUpdateAction } from "@/app/(signed-in)/updates/actions";
import { Button, inputClass } from "@/components/ui/form";
import { useBrowserToday } from "@/components/ui/use-today";
import type { UpdateForEditing } from "@/lib/dal/updates/editor";
import type { UpdateSnapshot } from "@/lib/dal/updates/writes";
import { formatTimestamp } from "@/lib/dates";
import type { ActionResult } from "@/lib/http/action-result";
import { HEALTH, HEALTH_LABELS, UPDATE_SECTIONS, type Health, type UpdateSectionKey } from "@/lib/domain";
import { teamDraftsQuery } from "@/lib/query/drafts";
import { UPDATE_LIMITS } from "@/lib/validation/update";
import { entryHint, formatMetric } from "@/lib/metrics";
import { DiscardDraftButton } from "./editor/discard-draft";
import { FigureValues } from "./editor/figure-values";
import { comparable, FIELD_LABELS, formFrom, payload, placeErrors, validate, type FieldError, type Form } from "./editor/form";
import { keepLocalCopy, localCopyKey, readLocalCopy } from "./editor/local-copy";
import { PreviousSection, PreviousUpdateHeader } from "./editor/previous-update";
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

/** A draft saves itself this long after typing stops. */
const AUTOSAVE_DELAY_MS = 1200;
/** After failed saves (the database or the network unavailable): 2, 4, 8 … seconds, at most a minute. */
const retryDelayMs = (failures: number) => Math.min(60_000, 1000 * 2 ** failures);
const UNANSWERED = "Could not save — the server did not answer. Everything you typed is still here, and kept in this browser.";

const focusField = (id: string | null | undefined) => {
  if (id) document.getElementById(id)?.focus();
};

export function UpdateEditor({ initial }: { initial: UpdateForEditing }) {
  const router = useRouter();
  const queryClient = useQueryClient();
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
  /** When text kept in this browser was put back into the form on opening it. */
  const [restoredAt, setRestoredAt] = useState<number | null>(null);
  /** A field to focus once it is on the page (a link row just added or removed). */
  const [focusNext, setFocusNext] = useState<string | null>(null);
  /** Whether the last save or publish was asked for: only then do its errors take the focus. */
  const asked = useRef(false);
  /** The day a draft reports on, given when it is published; empty: today. */
  const [asOf, setAsOf] = useState("");

  const errors = useMemo(() => validate(form, initial.id, version, initial.metrics), [form, initial.id, version, initial.metrics]);
  const dirty = comparable(form) !== comparable(saved);
  const visibleErrors = { ...(showErrors ? errors : {}), ...(serverErrors?.fieldErrors ?? {}) };
  const placed = placeErrors(visibleErrors, form, initial.metrics);
  const errorFor = (fieldId: string) => placed.filter((e) => e.fieldId === fieldId).flatMap((e) => e.messages);
  const invalidCount = Object.keys(errors).length;

  const storageKey = localCopyKey({ team: initial.team.slug, cycle: initial.cycle.slug, id: initial.id });
  // Text the server never got (a reload, a crash, the network gone) comes back from this browser.
  useEffect(() => {
    const fromServer = formFrom(initial);
    const copy = readLocalCopy(storageKey, fromServer);
    if (!copy || comparable(copy.form) === comparable(fromServer)) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- the browser's copy exists only after hydration
    setForm(copy.form);
    // Typed over an older version: saving it shows the conflict, with both sides to choose from.
    setVersion(copy.version);
    setRestoredAt(copy.keptAt);
  }, [initial, storageKey]);
  useEffect(() => {
    keepLocalCopy(storageKey, dirty ? { form, version, keptAt: Date.now() } : null);
  }, [storageKey, dirty, form, version]);

  useEffect(() => {
    if (!focusNext) return;
    focusField(focusNext);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- done once the new row is rendered
    setFocusNext(null);
  }, [focusNext]);

  const refreshDrafts = () => void queryClient.invalidateQueries({ queryKey: teamDraftsQuery.key(initial.team.slug) });

  function handleResult(result: ActionResult<{ version: number }>, submitted: Form) {
    const wasAsked = asked.current;
    asked.current = false;
    if (result.ok) {
      setVersion(result.version);
      setSaved(submitted);
      setServerErrors(null);
      setSavedAt(new Date());
      setFailures(0);
      refreshDrafts();
      return true;
    }
    if (result.conflict) setConflict(result.conflict as { version: number; snapshot: UpdateSnapshot });
    setFailures((n) => (result.retryable ? n + 1 : 0));
    setServerErrors({ message: result.message, fieldErrors: result.fieldErrors });
    const first = placeErrors(result.fieldErrors, submitted, initial.metrics)[0];
    if (wasAsked && first) requestAnimationFrame(() => focusField(first.fieldId ?? "editor-errors"));
    return false;
  }

  function handleUnanswered() {
    asked.current = false;
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
      return publishUpdateAction({
        id,
        expectedVersion,
        changes: comparable(submitted) !== comparable(saved) ? changes : null,
        asOf: asOf || null,
      });
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

  /** Sends the form when it is valid; otherwise shows every error and focuses the first. */
  function submit(mutation: typeof save | typeof publish) {
    setShowErrors(true);
    if (invalidCount > 0) {
      focusField(placeErrors(errors, form, initial.metrics)[0]?.fieldId ?? "editor-errors");
      return;
    }
    asked.current = true;
    mutation.mutate(form);
  }

  async function discard() {
    keepLocalCopy(storageKey, null);
    const result = await discardDraftAction({ id: initial.id, teamSlug: initial.team.slug });
    if (result && !result.ok) setServerErrors({ message: result.message, fieldErrors: result.fieldErrors });
    else refreshDrafts();
  }

  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((f) => ({ ...f, [key]: value }));

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
  const previous = initial.previousUpdate;
  const beside = (key: UpdateSectionKey, label: string) =>
    previous ? <PreviousSection previous={previous} section={key} label={label} /> : null;

  return (
    <div className="space-y-6">
      <header>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          <Link href={`/teams/${initial.team.slug}`} className="hover:underline">
            {initial.team.name}
          </Link>{" "}
          · Cycle {initial.cycle.name} · {state === "draft" ? "Draft, visible to your team's leads and release managers only" : "Published"}
        </p>
        <h1 className="text-2xl font-bold tracking-tight">{state === "draft" ? "Write the update" : "Edit the update"}</h1>
        <p role="status" aria-live="polite" className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          {status}
        </p>
        {restoredAt ? (
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
            Restored what you typed in this browser on {formatTimestamp(restoredAt)} at {new Date(restoredAt).toLocaleTimeString()}, which
            the server did not have yet.
          </p>
        ) : null}
      </header>

      {conflict ? (
        <div
          role="alert"
          className="space-y-3 rounded-lg border border-amber-400 bg-amber-50 p-4 text-sm dark:border-amber-700 dark:bg-amber-950"
        >
          <p className="font-semibold">Someone saved this update after you opened it.</p>
          <p>
            Changed meanwhile:{" "}
            {changedMeanwhile.length > 0 ? changedMeanwhile.map((k) => FIELD_LABELS[k]).join(", ") : "nothing you can see here"}. Everything
            you typed is still in the form.
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

      <ErrorSummary errors={placed} />

      <PreviousUpdateHeader previous={previous} />

      <form
        className="space-y-5"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit(save);
        }}
      >
        <TextField
          label="Headline"
          name="headline"
          value={form.headline}
          max={UPDATE_LIMITS.headline}
          errors={errorFor("editor-headline")}
          onChange={(v) => set("headline", v)}
        />

        <fieldset aria-describedby={errorFor(`editor-health-${HEALTH[0]}`).length > 0 ? "editor-health-error" : undefined}>
          <legend className="text-sm font-medium">Health</legend>
          <div className="mt-1 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
            {HEALTH.map((h) => {
              const definition = initial.healthDefinitions.find((d) => d.health === h);
              return (
                <label
                  key={h}
                  className="flex cursor-pointer items-start gap-2 rounded-md border border-slate-200 p-2 text-sm has-[:checked]:border-accent-600 has-[:checked]:bg-indigo-50 dark:border-slate-700 dark:has-[:checked]:bg-indigo-950"
                >
                  <input
                    type="radio"
                    id={`editor-health-${h}`}
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
          <FieldErrors id="editor-health-error" errors={errorFor(`editor-health-${HEALTH[0]}`)} />
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
              aria-describedby={errorFor("editor-gathering").length > 0 ? "editor-gathering-error" : undefined}
              className={`${inputClass} max-w-md`}
            >
              <option value="">None</option>
              {initial.gatherings.map((g) => (
                <option key={g.slug} value={g.slug}>
                  {g.name}
                </option>
              ))}
            </select>
            <FieldErrors id="editor-gathering-error" errors={errorFor("editor-gathering")} />
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
            errors={errorFor(`editor-${key}`)}
            onChange={(v) => set(key, v)}
            beside={beside(key, label)}
          />
        ))}

        {initial.metrics.length > 0 ? (
          <fieldset className="space-y-3">
            <legend className="text-sm font-medium">Numbers</legend>
            {initial.metrics.map((m) => {
              const id = `metric-${m.metricId}`;
              const fieldErrors = errorFor(id);
              return (
                <div key={m.metricId}>
                  <label htmlFor={id} className="block text-sm">
                    {m.label}
                    {m.kind === "percentage" ? " (%)" : ""}
                  </label>
                  <div className="flex flex-wrap items-center gap-x-3">
                    <input
                      id={id}
                      inputMode={m.kind === "version" || m.kind === "duration" ? "text" : "decimal"}
                      value={form.metrics[m.metricId] ?? ""}
                      onChange={(e) => set("metrics", { ...form.metrics, [m.metricId]: e.target.value })}
                      aria-invalid={fieldErrors.length > 0 ? true : undefined}
                      aria-describedby={[`${id}-hint`, `${id}-previous`, fieldErrors.length > 0 ? `${id}-error` : null]
                        .filter(Boolean)
                        .join(" ")}
                      className={`${inputClass} max-w-40`}
                    />
                    <span id={`${id}-hint`} className="text-xs text-slate-700 dark:text-slate-300">
                      {entryHint(m)}
                    </span>
                    <span id={`${id}-previous`} className="text-xs text-slate-600 dark:text-slate-400">
                      {m.previous
                        ? `${m.previous.cycleName}: ${m.previous.value === null ? "not reported" : formatMetric(m.previous.value, m)}`
                        : "No earlier cycle"}
                    </span>
                  </div>
                  <FieldErrors id={`${id}-error`} errors={fieldErrors} />
                  <FigureValues metric={m} cycleName={initial.cycle.name} canCorrect={initial.canCorrectValues} />
                </div>
              );
            })}
          </fieldset>
        ) : null}

        <fieldset className="space-y-2">
          <legend className="text-sm font-medium">Links</legend>
          {form.links.map((link, i) => (
            <div key={i} className="grid gap-2 sm:grid-cols-[1fr_2fr_auto]">
              <LinkInput
                id={`link-label-${i}`}
                label={`Link ${i + 1} label`}
                placeholder="Label"
                value={link.label}
                errors={errorFor(`link-label-${i}`)}
                onChange={(v) =>
                  set(
                    "links",
                    form.links.map((l, j) => (j === i ? { ...l, label: v } : l)),
                  )
                }
              />
              <LinkInput
                id={`link-url-${i}`}
                label={`Link ${i + 1} address`}
                placeholder="https://…"
                value={link.url}
                errors={errorFor(`link-url-${i}`)}
                onChange={(v) =>
                  set(
                    "links",
                    form.links.map((l, j) => (j === i ? { ...l, url: v } : l)),
                  )
                }
              />
              <Button
                type="button"
                variant="secondary"
                onClick={() => {
                  set(
                    "links",
                    form.links.filter((_, j) => j !== i),
                  );
                  setFocusNext(form.links.length > 1 ? `link-label-${Math.max(0, i - 1)}` : "editor-add-link");
                }}
                aria-label={`Remove link ${i + 1}`}
                className="self-start sm:mt-1"
              >
                Remove
              </Button>
            </div>
          ))}
          {form.links.length < UPDATE_LIMITS.links ? (
            <Button
              id="editor-add-link"
              type="button"
              variant="secondary"
              onClick={() => {
                set("links", [...form.links, { label: "", url: "" }]);
                setFocusNext(`link-label-${form.links.length}`);
              }}
            >
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
          errors={errorFor("editor-privateNote")}
          onChange={(v) => set("privateNote", v)}
        />

        <details open className="rounded-lg border border-slate-200 dark:border-slate-800">
          <summary className="cursor-pointer px-4 py-2 text-sm font-semibold">Preview, as readers will see it</summary>
          <aside aria-label="Preview" className="border-t border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
            <h2 className="text-2xl font-bold tracking-tight">{form.headline || "Headline"}</h2>
            <div className="my-3">
              <HealthBadge health={form.health} />
            </div>
            <UpdateSections update={form} headingLevel={3} />
          </aside>
        </details>

        <div className="sticky bottom-0 z-10 -mx-4 flex flex-wrap items-center gap-2 border-t border-slate-200 bg-white/95 px-4 py-3 backdrop-blur dark:border-slate-700 dark:bg-slate-950/95">
          <p
            id="editor-validity"
            className={`mr-auto text-sm font-medium ${invalidCount > 0 ? "text-red-700 dark:text-red-400" : "text-emerald-800 dark:text-emerald-300"}`}
          >
            {invalidCount === 0
              ? state === "draft"
                ? "Ready to publish"
                : "Ready to save"
              : `${invalidCount} ${invalidCount === 1 ? "field needs" : "fields need"} attention`}
          </p>
          <Button type="submit" variant="secondary" disabled={pending || !!conflict}>
            {state === "draft" ? "Save draft" : "Save changes"}
          </Button>
          {state === "draft" ? (
            <>
              <AsOfField value={asOf} onChange={setAsOf} errors={errorFor("editor-as-of")} />
              <Button type="button" onClick={() => submit(publish)} disabled={pending || !!conflict} aria-describedby="editor-validity">
                Publish
              </Button>
              <DiscardDraftButton disabled={pending} onDiscard={() => void discard()} />
            </>
          ) : (
            <Link href={`/updates/${initial.id}`} className="inline-flex items-center rounded-md px-3 py-2 text-sm underline">
              View the published update
            </Link>
          )}
        </div>
      </form>
    </div>
  );
}

/** The day a draft reports on, when history is entered later: empty means today. */
function AsOfField({ value, onChange, errors }: { value: string; onChange: (value: string) => void; errors: string[] }) {
  const today = useBrowserToday();
  return (
    <span className="flex flex-wrap items-center gap-2 text-sm">
      <label htmlFor="editor-as-of">As of</label>
      <input
        id="editor-as-of"
        type="date"
        value={value}
        max={today}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={errors.length > 0 ? true : undefined}
        aria-describedby={errors.length > 0 ? "editor-as-of-hint editor-as-of-error" : "editor-as-of-hint"}
        className="rounded-md border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
      />
      <span id="editor-as-of-hint" className="text-xs text-slate-600 dark:text-slate-400">
        Empty for today; the day it reports on for history.
      </span>
      {errors.length > 0 ? (
        <span id="editor-as-of-error" className="text-sm text-red-700 dark:text-red-400">
          {errors.join(" ")}
        </span>
      ) : null}
    </span>
  );
}

/** Every error at the top, each linking to its field; announced when it appears. */
function ErrorSummary({ errors }: { errors: FieldError[] }) {
  return (
    <div id="editor-errors" tabIndex={-1} role="alert" aria-labelledby={errors.length > 0 ? "editor-errors-heading" : undefined}>
      {errors.length > 0 ? (
        <div className="rounded-lg border border-red-600 bg-red-50 p-4 text-sm dark:bg-red-950">
          <h2 id="editor-errors-heading" className="font-semibold">
            {errors.length === 1 ? "One field needs attention" : `${errors.length} fields need attention`}
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {errors.map((e) => (
              <li key={`${e.fieldId}-${e.label}`}>
                {e.fieldId ? (
                  <a
                    href={`#${e.fieldId}`}
                    className="underline"
                    onClick={(event) => {
                      event.preventDefault();
                      focusField(e.fieldId);
                    }}
                  >
                    {e.label}: {e.messages.join(" ")}
                  </a>
                ) : (
                  <>
                    {e.label}: {e.messages.join(" ")}
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function LinkInput({
  id,
  label,
  placeholder,
  value,
  errors,
  onChange,
}: {
  id: string;
  label: string;
  placeholder: string;
  value: string;
  errors: string[];
  onChange: (v: string) => void;
}) {
  return (
    <div>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input
        id={id}
        placeholder={placeholder}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={errors.length > 0 ? true : undefined}
        aria-describedby={errors.length > 0 ? `${id}-error` : undefined}
        className={inputClass}
      />
      <FieldErrors id={`${id}-error`} errors={errors} />
    </div>
  );
}

function FieldErrors({ id, errors }: { id: string; errors: string[] }) {
  if (errors.length === 0) return null;
  return (
    <p id={id} className="mt-1 text-sm text-red-700 dark:text-red-400">
      {errors.join(" ")}
    </p>
  );
}

function Counter({ value, max, id }: { value: string; max: number; id: string }) {
  return (
    <span id={id} className={`text-xs ${value.length > max ? "text-red-700 dark:text-red-400" : "text-slate-600 dark:text-slate-400"}`}>
      {value.length.toLocaleString("en-US")} / {max.toLocaleString("en-US")}
    </span>
  );
}

/** A counted text field of the editor: one line, or a Markdown section when it has a hint; the last update's text beside it on wide screens. */
function TextField({
  label,
  hint,
  name,
  value,
  max,
  errors,
  onChange,
  beside,
}: {
  label: string;
  hint?: string;
  name: string;
  value: string;
  max: number;
  errors: string[];
  onChange: (v: string) => void;
  beside?: ReactNode;
}) {
  const id = `editor-${name}`;
  const invalid = errors.length > 0;
  const common = {
    id,
    value,
    "aria-invalid": invalid ? true : undefined,
    "aria-describedby": [hint ? `${id}-hint` : null, `${id}-count`, invalid ? `${id}-error` : null].filter(Boolean).join(" "),
  };
  return (
    <div className={beside ? "lg:grid lg:grid-cols-2 lg:items-start lg:gap-4" : undefined}>
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
        <FieldErrors id={`${id}-error`} errors={errors} />
      </div>
      {beside}
    </div>
  );
}
