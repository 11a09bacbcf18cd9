"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import {
  carryOverRoadmapAction,
  createRoadmapItemAction,
  editRoadmapItemAction,
  moveRoadmapItemAction,
} from "@/app/(signed-in)/teams/[slug]/roadmap/actions";
import { Button, inputClass } from "@/components/ui/form";
import { useBrowserToday } from "@/components/ui/use-today";
import type { ActionResult } from "@/lib/http/action-result";
import type { EditableRoadmapItem, RoadmapForEditing } from "@/lib/dal/roadmap/editor";
import { formatDay } from "@/lib/dates";
import { ROADMAP_KIND, ROADMAP_STATUS, ROADMAP_UNFINISHED, ROADMAP_STATUS_LABELS, TRACKER_KIND, type RoadmapStatus } from "@/lib/domain";
import { roadmapQuery } from "@/lib/query/roadmap";
import { roadmapFieldsSchema, ROADMAP_LIMITS, type RoadmapFields } from "@/lib/validation/roadmap";
import { fieldErrorsOf } from "@/lib/validation/zod";
import { RoadmapStatusBadge } from "./roadmap-status-badge";

type Errors = Record<string, string[]>;

function issues(fields: RoadmapFields): Errors {
  const result = roadmapFieldsSchema.safeParse(fields);
  return result.success ? {} : fieldErrorsOf(result.error);
}

const fieldsOf = (item: EditableRoadmapItem): RoadmapFields => ({
  title: item.title,
  description: item.description,
  status: item.status,
  kind: item.kind,
  helpWanted: item.helpWanted,
  links: item.links,
  deliveredOn: item.deliveredOn,
});

/**
 * Add, edit, reorder and carry over a team's roadmap items for one cycle. Changes show at
 * once (optimistically) and are confirmed by reloading the list from the server.
 */
export function RoadmapEditor({ initial }: { initial: RoadmapForEditing }) {
  const queryClient = useQueryClient();
  const key = roadmapQuery.key(initial.team.slug, initial.cycle.slug);
  const { data } = useQuery({ ...roadmapQuery.options(initial.team.slug, initial.cycle.slug), initialData: initial });
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);

  function settle(result: ActionResult, success?: string) {
    setMessage(result.ok ? (success ? { tone: "ok", text: success } : null) : { tone: "error", text: result.message });
    void queryClient.invalidateQueries({ queryKey: key });
    return result.ok;
  }

  const edit = useMutation({
    mutationFn: (input: RoadmapFields & { id: number; expectedVersion: number }) => editRoadmapItemAction(input),
    onMutate: async (input) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<RoadmapForEditing>(key);
      queryClient.setQueryData<RoadmapForEditing>(
        key,
        (old) => old && { ...old, items: old.items.map((i) => (i.id === input.id ? { ...i, ...input } : i)) },
      );
      return { previous };
    },
    onSuccess: (result, _input, context) => {
      if (!result.ok && context?.previous) queryClient.setQueryData(key, context.previous);
      settle(result, "Saved.");
    },
  });

  const move = useMutation({
    mutationFn: (input: { id: number; direction: "up" | "down" }) => moveRoadmapItemAction(input),
    onMutate: async ({ id, direction }) => {
      await queryClient.cancelQueries({ queryKey: key });
      queryClient.setQueryData<RoadmapForEditing>(key, (old) => {
        if (!old) return old;
        const items = [...old.items];
        const index = items.findIndex((i) => i.id === id);
        const other = direction === "up" ? index - 1 : index + 1;
        if (index < 0 || other < 0 || other >= items.length) return old;
        [items[index], items[other]] = [items[other]!, items[index]!];
        return { ...old, items };
      });
    },
    onSuccess: (result) => settle(result),
  });

  const create = useMutation({
    mutationFn: (fields: RoadmapFields) => createRoadmapItemAction({ ...fields, team: initial.team.slug, cycle: initial.cycle.slug }),
    onSuccess: (result) => settle(result, "Item added."),
  });

  const laterCycles = data.cycles
    .slice(data.cycles.findIndex((c) => c.slug === data.cycle.slug) + 1)
    .filter((c) => c.status !== "released");
  const [carryTo, setCarryTo] = useState(laterCycles[0]?.slug ?? "");
  const unfinished = data.items.filter((i) => ROADMAP_UNFINISHED.includes(i.status)).length;
  const carry = useMutation({
    mutationFn: () => carryOverRoadmapAction({ team: initial.team.slug, from: initial.cycle.slug, to: carryTo }),
    onSuccess: (result) => {
      const target = laterCycles.find((c) => c.slug === carryTo)?.name;
      const asks =
        result.ok && result.helpRequests > 0 ? `, with ${result.helpRequests} help request${result.helpRequests === 1 ? "" : "s"}` : "";
      settle(result, result.ok ? `Carried ${result.carried} item${result.carried === 1 ? "" : "s"} over to ${target}${asks}.` : undefined);
    },
  });

  return (
    <div className="space-y-4">
      {message ? (
        <p
          role={message.tone === "error" ? "alert" : "status"}
          className={`text-sm font-medium ${message.tone === "error" ? "text-red-700 dark:text-red-400" : "text-emerald-800 dark:text-emerald-300"}`}
        >
          {message.text}
        </p>
      ) : null}
      {data.items.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">No items for {data.cycle.name} yet.</p> : null}
      <ol className="space-y-3">
        {data.items.map((item, index) => (
          <li
            key={item.id}
            aria-label={item.title}
            className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-700 dark:bg-slate-900"
          >
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{item.title}</span>
              <RoadmapStatusBadge status={item.status} />
              {item.status === "done" && item.deliveredOn ? (
                <span className="text-xs text-slate-600 dark:text-slate-400">delivered {formatDay(item.deliveredOn)}</span>
              ) : null}
              {item.originalCycleName !== data.cycle.name ? (
                <span className="text-xs text-slate-600 dark:text-slate-400">first planned for {item.originalCycleName}</span>
              ) : null}
              <span className="ml-auto flex flex-wrap items-center gap-2">
                <label className="text-sm">
                  <span className="sr-only">Status of {item.title}</span>
                  <StatusSelect
                    value={item.status}
                    onChange={(status) => edit.mutate({ ...fieldsOf(item), status, id: item.id, expectedVersion: item.version })}
                    className="rounded-md border border-slate-300 px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
                  />
                </label>
                <label className="flex items-center gap-1 text-sm">
                  <input
                    type="checkbox"
                    checked={item.helpWanted}
                    onChange={(e) =>
                      edit.mutate({ ...fieldsOf(item), helpWanted: e.target.checked, id: item.id, expectedVersion: item.version })
                    }
                  />
                  Help wanted
                </label>
                <Button
                  type="button"
                  variant="secondary"
                  disabled={index === 0}
                  onClick={() => move.mutate({ id: item.id, direction: "up" })}
                  aria-label={`Move ${item.title} up`}
                >
                  ↑
                </Button>
                <Button
                  type="button"
                  variant="secondary"
                  disabled={index === data.items.length - 1}
                  onClick={() => move.mutate({ id: item.id, direction: "down" })}
                  aria-label={`Move ${item.title} down`}
                >
                  ↓
                </Button>
              </span>
            </div>
            <details className="mt-2">
              <summary className="cursor-pointer text-sm">Edit details</summary>
              <ItemForm
                initial={fieldsOf(item)}
                submitLabel={`Save ${item.title}`}
                pending={edit.isPending}
                onSubmit={(fields) => edit.mutate({ ...fields, id: item.id, expectedVersion: item.version })}
              />
            </details>
          </li>
        ))}
      </ol>

      <details className="rounded-lg border border-dashed border-slate-300 p-3 dark:border-slate-700">
        <summary className="cursor-pointer text-sm font-medium">Add a roadmap item</summary>
        <ItemForm
          key={data.items.length}
          initial={{ title: "", description: "", status: "planned", kind: "feature", helpWanted: false, links: [], deliveredOn: null }}
          submitLabel="Add item"
          pending={create.isPending}
          onSubmit={(fields) => create.mutate(fields)}
        />
      </details>

      {laterCycles.length > 0 && unfinished > 0 ? (
        <div className="flex flex-wrap items-end gap-2 rounded-lg bg-slate-100 p-3 text-sm dark:bg-slate-800">
          <label>
            Carry the {unfinished} unfinished item{unfinished === 1 ? "" : "s"} over to
            <select
              value={carryTo}
              onChange={(e) => setCarryTo(e.target.value)}
              className="ml-2 rounded-md border border-slate-300 px-2 py-1 dark:border-slate-600 dark:bg-slate-900"
            >
              {laterCycles.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <Button type="button" onClick={() => carry.mutate()} disabled={carry.isPending}>
            Carry over
          </Button>
        </div>
      ) : null}
    </div>
  );
}

function StatusSelect({
  value,
  onChange,
  className,
}: {
  value: RoadmapStatus;
  onChange: (status: RoadmapStatus) => void;
  className: string;
}) {
  return (
    <select value={value} onChange={(e) => onChange(e.target.value as RoadmapStatus)} className={className}>
      {ROADMAP_STATUS.map((s) => (
        <option key={s} value={s}>
          {ROADMAP_STATUS_LABELS[s]}
        </option>
      ))}
    </select>
  );
}

function ItemForm({
  initial,
  submitLabel,
  pending,
  onSubmit,
}: {
  initial: RoadmapFields;
  submitLabel: string;
  pending: boolean;
  onSubmit: (fields: RoadmapFields) => void;
}) {
  const [fields, setFields] = useState(initial);
  const [errors, setErrors] = useState<Errors>({});
  const fieldId = useId();
  const today = useBrowserToday();
  const set = <K extends keyof RoadmapFields>(k: K, v: RoadmapFields[K]) => setFields((f) => ({ ...f, [k]: v }));
  const error = (k: string) => (errors[k] ? <p className="mt-1 text-sm text-red-700 dark:text-red-400">{errors[k]!.join(" ")}</p> : null);
  return (
    <form
      noValidate
      className="mt-3 grid gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        const cleaned = { ...fields, links: fields.links.filter((l) => l.label.trim() || l.url.trim()) };
        const found = issues(cleaned);
        setErrors(found);
        if (Object.keys(found).length === 0) onSubmit(cleaned);
      }}
    >
      <label className="text-sm">
        Title
        <input
          value={fields.title}
          maxLength={ROADMAP_LIMITS.title + 20}
          onChange={(e) => set("title", e.target.value)}
          aria-invalid={errors.title ? true : undefined}
          className={inputClass}
        />
        {error("title")}
      </label>
      <label className="text-sm">
        Description
        <textarea rows={3} value={fields.description} onChange={(e) => set("description", e.target.value)} className={inputClass} />
        {error("description")}
      </label>
      <div className="grid gap-3 sm:grid-cols-3">
        <label className="text-sm">
          Status
          <StatusSelect value={fields.status} onChange={(status) => set("status", status)} className={inputClass} />
        </label>
        <label className="text-sm">
          Kind
          <select value={fields.kind} onChange={(e) => set("kind", e.target.value as RoadmapFields["kind"])} className={inputClass}>
            {ROADMAP_KIND.map((k) => (
              <option key={k} value={k}>
                {k}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 self-end text-sm">
          <input type="checkbox" checked={fields.helpWanted} onChange={(e) => set("helpWanted", e.target.checked)} />
          Help wanted
        </label>
      </div>
      {fields.status === "done" ? (
        <div className="text-sm">
          <label htmlFor={`${fieldId}-delivered`}>Delivered on</label>
          <input
            id={`${fieldId}-delivered`}
            type="date"
            value={fields.deliveredOn ?? ""}
            max={today}
            onChange={(e) => set("deliveredOn", e.target.value || null)}
            aria-invalid={errors.deliveredOn ? true : undefined}
            aria-describedby={`${fieldId}-delivered-hint`}
            className={inputClass}
          />
          <p id={`${fieldId}-delivered-hint`} className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            Empty for today; an earlier day when you record history.
          </p>
          {error("deliveredOn")}
        </div>
      ) : null}
      <fieldset className="space-y-2">
        <legend className="text-sm">Tracker links</legend>
        {fields.links.map((link, i) => (
          <div key={i} className="grid gap-2 sm:grid-cols-[8rem_1fr_2fr_auto]">
            <select
              aria-label={`Tracker of link ${i + 1}`}
              value={link.kind}
              onChange={(e) =>
                set(
                  "links",
                  fields.links.map((l, j) => (j === i ? { ...l, kind: e.target.value as typeof l.kind } : l)),
                )
              }
              className={inputClass}
            >
              {TRACKER_KIND.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
            <input
              aria-label={`Label of link ${i + 1}`}
              placeholder="Label"
              value={link.label}
              onChange={(e) =>
                set(
                  "links",
                  fields.links.map((l, j) => (j === i ? { ...l, label: e.target.value } : l)),
                )
              }
              className={inputClass}
            />
            <div>
              <input
                aria-label={`Address of link ${i + 1}`}
                placeholder="https://…"
                value={link.url}
                onChange={(e) =>
                  set(
                    "links",
                    fields.links.map((l, j) => (j === i ? { ...l, url: e.target.value } : l)),
                  )
                }
                className={inputClass}
              />
              {error(`links.${i}.url`)}
            </div>
            <Button
              type="button"
              variant="secondary"
              onClick={() =>
                set(
                  "links",
                  fields.links.filter((_, j) => j !== i),
                )
              }
            >
              Remove
            </Button>
          </div>
        ))}
        {fields.links.length < ROADMAP_LIMITS.links ? (
          <Button type="button" variant="secondary" onClick={() => set("links", [...fields.links, { kind: "gerrit", label: "", url: "" }])}>
            Add a tracker link
          </Button>
        ) : null}
      </fieldset>
      <div>
        <Button type="submit" disabled={pending}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
