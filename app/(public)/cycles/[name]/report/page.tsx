import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { CycleDownloads } from "@/components/cycles/cycle-downloads";
import { RecapTopics } from "@/components/cycles/recap-topics";
import { Markdown } from "@/components/ui/markdown";
import { HealthBadge } from "@/components/updates/health-badge";
import { todayIso } from "@/lib/dates";
import { pageTime } from "@/lib/dal/cache/cache";
import { getCycleReport } from "@/lib/dal/views/reports";
import { getSiteInfo } from "@/lib/dal/site/reads";
import { formatMetric } from "@/lib/metrics";
import { cycleDates, cycleIsOver, noUpdate, reportSections } from "@/lib/formats/report-markdown";
import { ScrollRegion } from "@/components/ui/scroll-region";

export const instant = false;

export async function generateMetadata({ params }: PageProps<"/cycles/[name]/report">) {
  const { name } = await params;
  return { title: `Cycle ${decodeURIComponent(name)} recap` };
}

export default async function ReportPage({ params, searchParams }: PageProps<"/cycles/[name]/report">) {
  const { name } = await params;
  // Earlier links named a gathering here; its recap now spans both of its cycles.
  const { gathering } = await searchParams;
  if (typeof gathering === "string" && gathering) redirect(`/gatherings/${encodeURIComponent(gathering)}`);
  const [report, site] = await Promise.all([getCycleReport({ cycle: decodeURIComponent(name) }), getSiteInfo()]);
  if (!report) notFound();
  const { cycle, previousCycle } = report;
  const today = todayIso(await pageTime());
  const over = cycleIsOver(cycle, today);
  const markdownHref = `/cycles/${encodeURIComponent(cycle.slug)}/report.md`;
  return (
    <article className="mx-auto max-w-3xl space-y-10 print:max-w-none">
      <header className="space-y-2">
        <p className="text-sm text-slate-600 print:hidden dark:text-slate-400">
          <Link href={`/cycles/${cycle.slug}`} className="hover:underline">
            Cycle {cycle.name}
          </Link>{" "}
          ·{" "}
          <a href={markdownHref} className="underline">
            Download as Markdown
          </a>
        </p>
        <CycleDownloads slug={cycle.slug} className="print:hidden" />
        <h1 className="text-3xl font-bold tracking-tight">
          {site.name} {cycle.name}: the cycle in review
        </h1>
        <p className="text-slate-700 dark:text-slate-300">
          The {cycle.name} cycle {cycleDates(cycle, today)}. {report.teams.filter((t) => t.update).length} of {report.teams.length} teams
          posted an update.
        </p>
        {cycle.summary ? <Markdown>{cycle.summary}</Markdown> : null}
        {report.gatherings.length > 0 ? (
          <p className="text-sm print:hidden">
            Recap of a gathering:{" "}
            {report.gatherings.map((g, i) => (
              <span key={g.slug}>
                {i > 0 ? ", " : ""}
                <Link href={`/gatherings/${encodeURIComponent(g.slug)}`} className="underline">
                  {g.name}
                </Link>
              </span>
            ))}
          </p>
        ) : null}
      </header>

      <section aria-labelledby="teams-heading" className="space-y-8">
        <h2 id="teams-heading" className="text-2xl font-semibold">
          Project team updates
        </h2>
        {report.teams.map((team) => (
          <section key={team.slug} aria-labelledby={`team-${team.slug}`} className="space-y-3 break-inside-avoid-page">
            <h3 id={`team-${team.slug}`} className="text-xl font-semibold">
              {team.name}
            </h3>
            <Markdown>{team.mission}</Markdown>
            {team.update ? (
              <>
                <p className="flex flex-wrap items-center gap-2 font-medium">
                  {team.update.headline} <HealthBadge health={team.update.health} />
                </p>
                <Markdown>{team.update.summary}</Markdown>
                {reportSections(over)
                  .filter(([field]) => team.update![field].trim())
                  .map(([field, heading]) => (
                    <div key={field}>
                      <h4 className="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{heading}</h4>
                      <Markdown>{team.update![field]}</Markdown>
                    </div>
                  ))}
              </>
            ) : (
              <p className="italic text-slate-600 dark:text-slate-400">{noUpdate(over)}</p>
            )}
            {team.numbers.some((n) => n.value !== null) ? (
              <div>
                <h4 className="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">In numbers</h4>
                <ul className="list-disc pl-5">
                  {team.numbers
                    .filter((n) => n.value !== null)
                    .map((n) => (
                      <li key={n.key}>
                        {n.label}: {formatMetric(n.value, n)}
                      </li>
                    ))}
                </ul>
              </div>
            ) : null}
            {team.helpWanted.length > 0 ? (
              <div>
                <h4 className="text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">Help wanted</h4>
                <ul className="list-disc pl-5">
                  {team.helpWanted.map((h) => (
                    <li key={h.title}>
                      {h.linkUrl ? (
                        <a href={h.linkUrl} className="underline">
                          {h.title}
                        </a>
                      ) : (
                        h.title
                      )}
                      {h.contact ? ` (${h.contact})` : ""}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {team.links.length > 0 ? (
              <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
                {team.links.map((l) => (
                  <a key={l.url} href={l.url} className="underline">
                    {l.label}
                  </a>
                ))}
              </p>
            ) : null}
          </section>
        ))}
      </section>

      <section aria-labelledby="numbers-heading" className="break-inside-avoid-page">
        <h2 id="numbers-heading" className="mb-3 text-2xl font-semibold">
          The cycle in numbers
        </h2>
        <ScrollRegion label="Figures of the cycle, beside the previous one">
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-300 dark:border-slate-700">
                <th scope="col" className="py-2">
                  Figure
                </th>
                {previousCycle ? (
                  <th scope="col" className="py-2 text-right">
                    {previousCycle.name}
                  </th>
                ) : null}
                <th scope="col" className="py-2 text-right">
                  {cycle.name}
                </th>
              </tr>
            </thead>
            <tbody>
              {report.numbers.map((n) => (
                <tr key={n.key} className="border-b border-slate-100 dark:border-slate-800">
                  <th scope="row" className="py-2 font-normal">
                    {n.label}
                  </th>
                  {previousCycle ? (
                    <td className="py-2 text-right tabular-nums">
                      {formatMetric(previousCycle.numbers.find((p) => p.key === n.key)?.value ?? null, n)}
                    </td>
                  ) : null}
                  <td className="py-2 text-right tabular-nums">{formatMetric(n.value, n)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row" className="py-2 font-normal">
                  Roadmap items delivered
                </th>
                {previousCycle ? (
                  <td className="py-2 text-right tabular-nums">
                    {previousCycle.delivery.delivered} of {previousCycle.delivery.planned}
                  </td>
                ) : null}
                <td className="py-2 text-right tabular-nums">
                  {report.delivery.overall.delivered} of {report.delivery.overall.planned}
                </td>
              </tr>
            </tbody>
          </table>
        </ScrollRegion>
      </section>

      <RecapTopics topics={report.topics} />
    </article>
  );
}
