import { EmptyState } from "@/components/ui/card";
import type { CycleBoard } from "@/lib/dal/cycles/reads";
import { formatMetric } from "@/lib/metrics";
import { ScrollRegion } from "@/components/ui/scroll-region";

/** Each figure of the cycle beside the previous cycle's, and roadmap items delivered of planned. */
export function CycleNumbersTable({ board }: { board: CycleBoard }) {
  const { previous, cycle } = board;
  const rows = board.numbers
    .map((n) => ({ ...n, before: previous?.numbers.find((p) => p.key === n.key)?.value ?? null }))
    .filter((n) => n.value !== null || n.before !== null);
  if (rows.length === 0 && board.delivery.overall.planned === 0) return <EmptyState>No numbers reported for {cycle.name} yet.</EmptyState>;
  const cell = "py-1.5 pl-4 text-right tabular-nums";
  return (
    <ScrollRegion label={`Numbers of ${cycle.name}`}>
      <table className="w-full text-left text-sm">
        <thead>
          <tr className="border-b border-slate-200 dark:border-slate-700">
            <th scope="col" className="py-1.5 font-medium">
              Figure
            </th>
            {previous ? (
              <th scope="col" className={`${cell} font-medium`}>
                {previous.name}
              </th>
            ) : null}
            <th scope="col" className={`${cell} font-medium`}>
              {cycle.name}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((n) => (
            <tr key={n.key} className="border-b border-slate-100 dark:border-slate-800">
              <th scope="row" className="py-1.5 font-normal [overflow-wrap:anywhere]">
                {n.label}
              </th>
              {previous ? <td className={cell}>{formatMetric(n.before, n)}</td> : null}
              <td className={`${cell} font-semibold`}>{formatMetric(n.value, n)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row" className="py-1.5 font-normal">
              Roadmap items delivered
            </th>
            {previous ? (
              <td className={cell}>
                {previous.delivery.delivered} of {previous.delivery.planned}
              </td>
            ) : null}
            <td className={`${cell} font-semibold`}>
              {board.delivery.overall.delivered} of {board.delivery.overall.planned}
            </td>
          </tr>
        </tbody>
      </table>
    </ScrollRegion>
  );
}
