import { daysUntil, formatDay, todayIso } from "@/lib/dates";
import type { CycleBoard } from "@/lib/dal/cycles/reads";

/** Milestones in date order, with a "today" marker where today falls between them. */
export function MilestoneTimeline({ milestones, now }: { milestones: CycleBoard["milestones"]; now: number }) {
  if (milestones.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No milestones set yet.</p>;
  const today = todayIso(now);
  const todayIndex = milestones.findIndex((m) => m.dueOn > today);
  const rows: ({ kind: "milestone"; m: CycleBoard["milestones"][number] } | { kind: "today" })[] = milestones.map((m) => ({
    kind: "milestone",
    m,
  }));
  rows.splice(todayIndex === -1 ? rows.length : todayIndex, 0, { kind: "today" });

  return (
    <ol className="relative space-y-3 border-l-2 border-slate-200 pl-5 dark:border-slate-700" aria-label="Milestones">
      {rows.map((row) =>
        row.kind === "today" ? (
          <li key="today" className="relative text-sm font-semibold text-accent-700 dark:text-indigo-300">
            <span
              aria-hidden="true"
              className="absolute -left-[1.6rem] top-1 h-3 w-3 rounded-full bg-accent-600 ring-4 ring-indigo-100 dark:ring-indigo-950"
            />
            Today · {formatDay(today)}
          </li>
        ) : (
          <li key={row.m.id} className="relative text-sm">
            <span
              aria-hidden="true"
              className={`absolute -left-[1.55rem] top-1 h-2.5 w-2.5 rounded-full ${row.m.doneOn ? "bg-emerald-600" : "border-2 border-slate-400 bg-white dark:bg-slate-900"}`}
            />
            <span className="font-medium">{row.m.name}</span>
            <span className="text-slate-600 dark:text-slate-400"> · due {formatDay(row.m.dueOn)}</span>
            {row.m.doneOn ? (
              <span className="text-emerald-800 dark:text-emerald-300"> · done {formatDay(row.m.doneOn)}</span>
            ) : daysUntil(row.m.dueOn, now) < 0 ? (
              <span className="text-amber-800 dark:text-amber-300"> · passed</span>
            ) : null}
          </li>
        ),
      )}
    </ol>
  );
}
