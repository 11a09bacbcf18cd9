import type { SiteInfo } from "@/lib/dal/site/reads";
import { HealthBadge } from "./health-badge";

/** The community's own meaning of each health value, so every team reads them alike. */
export function HealthLegend({ definitions }: { definitions: SiteInfo["healthDefinitions"] }) {
  if (definitions.length === 0) return null;
  return (
    <details className="text-sm">
      <summary className="cursor-pointer text-slate-700 dark:text-slate-300">What the health values mean</summary>
      <dl className="mt-2 grid gap-2 sm:grid-cols-2">
        {definitions.map((d) => (
          <div key={d.health} className="flex items-start gap-2">
            <dt className="shrink-0">
              <HealthBadge health={d.health} />
            </dt>
            <dd className="text-slate-700 dark:text-slate-300">{d.meaning}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
