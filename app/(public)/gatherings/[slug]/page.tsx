import Link from "next/link";
import { notFound } from "next/navigation";
import { RecapTopics } from "@/components/cycles/recap-topics";
import { Markdown } from "@/components/ui/markdown";
import { formatDay } from "@/lib/dates";
import { getGatheringRecap } from "@/lib/dal/gatherings/recap";
import { getSiteInfo } from "@/lib/dal/site/reads";
import { recapAsOfLine, recapSubtitle, recapTitle, teamAbsence, teamHeadline, teamParts } from "@/lib/formats/gathering-recap-markdown";
import { formatMetric } from "@/lib/metrics";
import { recapAsOfSchema } from "@/lib/validation/cycle";
import { ScrollRegion } from "@/components/ui/scroll-region";

export const instant = false;

export async function generateMetadata({ params }: PageProps<"/gatherings/[slug]">) {
  const { slug } = await params;
  return { title: `Recap of ${decodeURIComponent(slug)}` };
}

const subheading = "text-sm font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400";

/** A gathering's recap across the two cycles it spans, as it stood on its last day (or `?as_of=`). */
export default async function GatheringRecapPage({ params, searchParams }: PageProps<"/gatherings/[slug]">) {
  const { slug } = await params;
  const parsed = recapAsOfSchema.safeParse((await searchParams).as_of);
  const asOf = parsed.success ? parsed.data : undefined;
  const [recap, site] = await Promise.all([getGatheringRecap({ gathering: decodeURIComponent(slug), asOf }), getSiteInfo()]);
  if (!recap) notFound();
  const { gathering } = recap;
  const markdownHref = `/gatherings/${encodeURIComponent(gathering.slug)}/recap.md${asOf ? `?as_of=${asOf}` : ""}`;
  return (
    <article className="mx-auto max-w-3xl space-y-10 print:max-w-none">
      <header className="space-y-3">
        <nav aria-label="Recap views" className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700 print:hidden dark:text-slate-300">
          <a href={markdownHref} className="underline">
            Download as Markdown
          </a>
          {recap.asOf ? (
            <Link href={`/gatherings/${encodeURIComponent(gathering.slug)}?as_of=now`} className="underline">
              Show with later edits
            </Link>
          ) : (
            <Link href={`/gatherings/${encodeURIComponent(gathering.slug)}`} className="underline">
              Show as it stood on {formatDay(gathering.endsOn)}
            </Link>
          )}
          <Link href={`/cycles/${encodeURIComponent(recap.plans.slug)}`} className="underline">
            Cycle {recap.plans.name}
          </Link>
        </nav>
        <h1 className="text-3xl font-bold tracking-tight">{recapTitle(recap, site.name)}</h1>
        <p className="text-slate-700 dark:text-slate-300">
          {recapSubtitle(recap)}. <em>{recapAsOfLine(recap)}</em>
        </p>
        <Markdown>{gathering.intro}</Markdown>
        {gathering.notesUrl || gathering.recordingUrl || gathering.websiteUrl ? (
          <p className="flex flex-wrap gap-x-4 text-sm">
            {gathering.notesUrl ? (
              <a href={gathering.notesUrl} className="underline">
                Notes of the sessions
              </a>
            ) : null}
            {gathering.recordingUrl ? (
              <a href={gathering.recordingUrl} className="underline">
                Recordings
              </a>
            ) : null}
            {gathering.websiteUrl ? (
              <a href={gathering.websiteUrl} className="underline">
                The event&apos;s site
              </a>
            ) : null}
          </p>
        ) : null}
      </header>

      {recap.teams.length > 0 ? (
        <section aria-labelledby="teams-heading" className="space-y-8">
          <h2 id="teams-heading" className="text-2xl font-semibold">
            Project team updates
          </h2>
          {recap.teams.map((team) => {
            const absence = teamAbsence(team);
            const headline = teamHeadline(team);
            return (
              <section key={team.slug} aria-labelledby={`team-${team.slug}`} className="space-y-3 break-inside-avoid-page">
                <h3 id={`team-${team.slug}`} className="text-xl font-semibold">
                  {team.name}
                </h3>
                {absence || !headline ? (
                  <p className="italic text-slate-600 dark:text-slate-400">{absence}</p>
                ) : (
                  <>
                    <p className="font-medium">
                      {headline.headline}{" "}
                      <span className="text-slate-600 dark:text-slate-400">({recap.healthLabels[headline.health]})</span>
                    </p>
                    <Markdown>{team.current?.summary ?? ""}</Markdown>
                    {teamParts(recap, team).map((part) => (
                      <div key={part.key}>
                        <h4 className={subheading}>{part.heading}</h4>
                        {part.markdown.map((markdown, i) => (
                          <Markdown key={i}>{markdown}</Markdown>
                        ))}
                        {part.items.length > 0 ? (
                          <ul className="list-disc pl-5">
                            {part.items.map((item, i) => (
                              <li key={i}>
                                {item.url ? (
                                  <a href={item.url} className="underline">
                                    {item.text}
                                  </a>
                                ) : (
                                  item.text
                                )}
                              </li>
                            ))}
                          </ul>
                        ) : null}
                      </div>
                    ))}
                    {team.links.length > 0 ? (
                      <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
                        {team.links.map((l) => (
                          <a key={l.url} href={l.url} className="underline">
                            {l.label}
                          </a>
                        ))}
                      </p>
                    ) : null}
                  </>
                )}
              </section>
            );
          })}
        </section>
      ) : null}

      {recap.sections.includes("numbers") && recap.numbers.length > 0 ? (
        <section aria-labelledby="numbers-heading" className="break-inside-avoid-page">
          <h2 id="numbers-heading" className="mb-3 text-2xl font-semibold">
            {recap.numbersOf.cycle} in numbers
          </h2>
          <ScrollRegion label={`Figures of ${recap.numbersOf.cycle}`}>
            <table className="w-full text-left text-sm">
              <thead>
                <tr className="border-b border-slate-300 dark:border-slate-700">
                  <th scope="col" className="py-2">
                    Figure
                  </th>
                  {recap.numbersOf.before ? (
                    <th scope="col" className="py-2 text-right">
                      {recap.numbersOf.before}
                    </th>
                  ) : null}
                  <th scope="col" className="py-2 text-right">
                    {recap.numbersOf.cycle}
                  </th>
                </tr>
              </thead>
              <tbody>
                {recap.numbers.map((n) => (
                  <tr key={n.key} className="border-b border-slate-100 dark:border-slate-800">
                    <th scope="row" className="py-2 font-normal">
                      {n.label}
                    </th>
                    {recap.numbersOf.before ? <td className="py-2 text-right tabular-nums">{formatMetric(n.before, n)}</td> : null}
                    <td className="py-2 text-right tabular-nums">{formatMetric(n.value, n)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        </section>
      ) : null}

      {recap.sections.includes("topics") ? <RecapTopics topics={recap.topics} /> : null}

      {gathering.closing.trim() ? (
        <footer className="border-t border-slate-200 pt-6 dark:border-slate-800">
          <Markdown>{gathering.closing}</Markdown>
        </footer>
      ) : null}
    </article>
  );
}
