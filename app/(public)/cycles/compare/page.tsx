import type { Metadata } from "next";
import Link from "next/link";
import { Card, EmptyState, SectionHeading } from "@/components/ui/card";
import { HealthBadge } from "@/components/updates/health-badge";
import { RoadmapStatusBadge } from "@/components/teams/roadmap-status-badge";
import { listCycles } from "@/lib/dal/cycles/reads";
import { getCycleComparison } from "@/lib/dal/views/reports";
import { formatChange, formatMetric, judgeChange } from "@/lib/metrics";

export const metadata: Metadata = { title: "Compare cycles" };
export const instant = false;

const cell = "py-2 pr-4 text-right tabular-nums";
/** Better or worse by the metric's own direction (for a version, newer is higher); said in words, not only in colour. */
const CHANGE_CLASS = { better: "text-emerald-800 dark:text-emerald-300", worse: "text-red-800 dark:text-red-300" };

export default async function ComparePage({ searchParams }: PageProps<"/cycles/compare">) {
  const params = await searchParams;
  const cycles = await listCycles();
  const pick = (value: string | string[] | undefined, fallback: string | undefined) =>
    typeof value === "string" && cycles.some((c) => c.slug === value) ? value : fallback;
  const b = pick(params.b, cycles[0]?.slug);
  const a = pick(params.a, cycles.find((c) => c.slug !== b)?.slug);
  const comparison = a && b ? await getCycleComparison({ a, b }) : null;
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Compare cycles</h1>
      <form method="get" className="flex flex-wrap items-end gap-3 text-sm" aria-label="Choose the cycles">
        {(["a", "b"] as const).map((side) => (
          <label key={side}>
            {side === "a" ? "Earlier" : "Later"}
            <select
              name={side}
              defaultValue={side === "a" ? a : b}
              className="ml-2 rounded-md border border-slate-300 px-2 py-1.5 dark:border-slate-600 dark:bg-slate-900"
            >
              {cycles.map((c) => (
                <option key={c.slug} value={c.slug}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
        ))}
        <button type="submit" className="rounded-md bg-accent-600 px-3 py-1.5 font-medium text-white hover:bg-accent-700">
          Compare
        </button>
      </form>
      {!comparison ? (
        <EmptyState>Two cycles are needed for a comparison.</EmptyState>
      ) : (
        <>
          <Card>
            <SectionHeading id="numbers-heading">Numbers</SectionHeading>
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead>
                  <tr className="border-b border-slate-200 dark:border-slate-700">
                    <th scope="col" className="py-2">
                      Figure
                    </th>
                    <th scope="col" className={cell}>
                      {comparison.a.name}
                    </th>
                    <th scope="col" className={cell}>
                      {comparison.b.name}
                    </th>
                    <th scope="col" className={cell}>
                      Change
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {comparison.numbers.map((n) => {
                    const judged = judgeChange(n, n.a, n.b);
                    return (
                      <tr key={n.key} className="border-b border-slate-100 dark:border-slate-800">
                        <th scope="row" className="py-2 font-normal">
                          {n.label}
                        </th>
                        <td className={cell}>{formatMetric(n.a, n)}</td>
                        <td className={cell}>{formatMetric(n.b, n)}</td>
                        <td className={cell}>
                          {formatChange(n, n.a, n.b) ?? "—"}
                          {judged === "better" || judged === "worse" ? (
                            <span className={judged === "better" ? CHANGE_CLASS.better : CHANGE_CLASS.worse}> ({judged})</span>
                          ) : null}
                        </td>
                      </tr>
                    );
                  })}
                  <tr>
                    <th scope="row" className="py-2 font-normal">
                      Roadmap items delivered
                    </th>
                    <td className={cell}>
                      {comparison.overall.a.delivered} of {comparison.overall.a.planned}
                    </td>
                    <td className={cell}>
                      {comparison.overall.b.delivered} of {comparison.overall.b.planned}
                    </td>
                    <td className={cell} />
                  </tr>
                </tbody>
              </table>
            </div>
          </Card>
          <Card>
            <SectionHeading id="teams-heading">Teams: health and roadmap delivered of planned</SectionHeading>
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead>
                  <tr className="border-b border-slate-200 dark:border-slate-700">
                    <th scope="col" className="py-2">
                      Team
                    </th>
                    <th scope="col" className="py-2">
                      {comparison.a.name}
                    </th>
                    <th scope="col" className="py-2">
                      {comparison.b.name}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {comparison.health.map((row) => {
                    const delivery = comparison.delivery.find((d) => d.teamSlug === row.teamSlug);
                    return (
                      <tr key={row.teamSlug} className="border-b border-slate-100 dark:border-slate-800">
                        <th scope="row" className="py-2 font-normal">
                          <Link href={`/teams/${row.teamSlug}`} className="hover:underline">
                            {row.teamName}
                          </Link>
                        </th>
                        {(["a", "b"] as const).map((side) => (
                          <td key={side} className="py-2">
                            <span className="flex flex-wrap items-center gap-2">
                              {row[side] ? (
                                <HealthBadge health={row[side]} />
                              ) : (
                                <span className="text-slate-600 dark:text-slate-400">no update</span>
                              )}
                              {delivery?.[side] ? (
                                <span className="tabular-nums">
                                  {delivery[side].delivered} of {delivery[side].planned} delivered
                                </span>
                              ) : null}
                            </span>
                          </td>
                        ))}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </Card>
          <Card>
            <SectionHeading id="slipped-heading">Slipped between the two</SectionHeading>
            {comparison.slipped.length === 0 ? (
              <EmptyState>
                No roadmap item moved between {comparison.a.name} and {comparison.b.name}.
              </EmptyState>
            ) : (
              <ul className="space-y-2 text-sm">
                {comparison.slipped.map((s, i) => (
                  <li key={i} className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">{s.title}</span>
                    <span className="text-slate-600 dark:text-slate-400">
                      {s.teamName} · planned for {s.originalCycle}, now in {s.nowIn}
                    </span>
                    <RoadmapStatusBadge status={s.status} />
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </>
      )}
    </div>
  );
}
