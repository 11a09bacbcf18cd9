"use client";

import { useQuery } from "@tanstack/react-query";
import { FieldDiff } from "@/components/updates/field-diff";
import { reviewReadingQuery } from "@/lib/query/review";

const TEXT = "whitespace-pre-wrap break-words rounded bg-slate-50 p-2 text-sm dark:bg-slate-800";

/** An update read inline, loaded when opened: what changed since the team's last reviewed update. */
export function EntryReading({ updateId }: { updateId: number }) {
  const { data, isPending, isError } = useQuery(reviewReadingQuery.options(updateId));
  if (isPending) return <p className="mt-3 text-sm">Loading the update…</p>;
  if (isError || !data)
    return <p className="mt-3 text-sm text-red-700 dark:text-red-400">The update could not be loaded; open it from its headline.</p>;
  return (
    <div className="mt-3 space-y-3 border-t border-slate-200 pt-3 dark:border-slate-800">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {data.base ? (
          <>Changes since “{data.base.headline}”, the team&apos;s last reviewed update.</>
        ) : (
          "The team has no reviewed update yet: the whole update."
        )}
        {data.unchanged.length > 0 ? ` Unchanged: ${data.unchanged.join(", ")}.` : ""}
      </p>
      {data.changed.map((field) => (
        <div key={field.key}>
          <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{field.label}</h4>
          {field.before === null ? (
            <p className={TEXT}>{field.after}</p>
          ) : (
            <FieldDiff before={field.before} after={field.after} diff={field.diff} />
          )}
        </div>
      ))}
    </div>
  );
}
