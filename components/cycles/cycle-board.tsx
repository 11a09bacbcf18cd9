import Link from "next/link";
import { Card, EmptyState, SectionHeading } from "@/components/ui/card";
import { Markdown } from "@/components/ui/markdown";
import { HelpRequestTitle } from "@/components/teams/help-request-title";
import { HealthBadge } from "@/components/updates/health-badge";
import { formatDay } from "@/lib/dates";
import type { BurnUp } from "@/lib/dal/views/charts";
import type { CycleBoard as CycleBoardData } from "@/lib/dal/cycles/reads";
import type { SiteInfo } from "@/lib/dal/site/reads";
import { FollowButton } from "@/components/notifications/follow-button";
import { HealthLegend } from "@/components/updates/health-legend";
import { CycleDownloads } from "./cycle-downloads";
import { CycleStatusBadge } from "./cycle-status-badge";
import { CycleNumbersTable } from "./cycle-numbers-table";
import { MilestoneTimeline } from "./milestone-timeline";
import { RoadmapBurnUp } from "./roadmap-burn-up";
import { TeamCard } from "./team-card";

/** The dashboard of one release cycle: `/` and `/cycles/[name]`. */
export function CycleBoard({ board, burnUp, site, now }: { board: CycleBoardData; burnUp: BurnUp | null; site: SiteInfo; now: number }) {
  const { cycle } = board;
  const openRequests = board.teams.reduce((n, t) => n + t.helpRequests.open, 0);
  const takenRequests = board.teams.reduce((n, t) => n + t.helpRequests.taken, 0);
  return (
    <div className="space-y-8">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <p className="text-sm text-slate-600 dark:text-slate-400">Release cycle</p>
          <h1 className="flex items-center gap-3 text-3xl font-bold tracking-tight">
            {site.name} {cycle.name} <CycleStatusBadge status={cycle.status} />
          </h1>
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
            {formatDay(cycle.startsOn)} –{" "}
            {cycle.releasedOn ? `released ${formatDay(cycle.releasedOn)}` : `release planned ${formatDay(cycle.targetReleaseOn)}`}
            {" · "}
            {cycle.teamsReporting} of {board.teams.length} teams reporting
          </p>
          <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            <Link href={`/cycles/${cycle.slug}/report`} className="text-accent-700 underline dark:text-indigo-300">
              Recap
            </Link>
            <Link href={`/cycles/compare?b=${encodeURIComponent(cycle.slug)}`} className="text-accent-700 underline dark:text-indigo-300">
              Compare with another cycle
            </Link>
            <a href={`/cycles/${cycle.slug}/schedule.ics`} className="text-accent-700 underline dark:text-indigo-300">
              Milestones calendar (.ics)
            </a>
            <a href={`/cycles/${cycle.slug}/feed.xml`} className="text-accent-700 underline dark:text-indigo-300">
              Follow this cycle (Atom)
            </a>
          </p>
          <CycleDownloads slug={cycle.slug} className="mt-1" />
          <div className="mt-3">
            <FollowButton subject="cycle" slug={cycle.slug} name={`${site.name} ${cycle.name}`} />
          </div>
        </div>
        {board.gatherings.length > 0 ? (
          <ul className="text-sm">
            {board.gatherings.map((g) => (
              <li key={g.slug}>
                <span className="font-medium">{g.name}</span>{" "}
                <span className="text-slate-600 dark:text-slate-400">
                  {formatDay(g.startsOn)}–{formatDay(g.endsOn)}
                </span>
                {g.etherpadUrl ? (
                  <>
                    {" · "}
                    <a href={g.etherpadUrl} className="text-accent-700 underline dark:text-indigo-300">
                      etherpad
                    </a>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
      </header>

      {cycle.summary ? <Markdown>{cycle.summary}</Markdown> : null}

      <section aria-labelledby="teams-heading">
        <SectionHeading id="teams-heading">Teams</SectionHeading>
        <div className="mb-3">
          <HealthLegend definitions={site.healthDefinitions} />
        </div>
        {board.teams.length === 0 ? (
          <EmptyState>No teams yet.</EmptyState>
        ) : (
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
            {board.teams.map((team) => (
              <TeamCard key={team.id} team={team} now={now} cycleSlug={cycle.slug} />
            ))}
          </ul>
        )}
      </section>

      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-1">
          <SectionHeading id="milestones-heading">Milestones</SectionHeading>
          <MilestoneTimeline milestones={board.milestones} now={now} />
        </Card>

        <Card className="lg:col-span-2">
          <SectionHeading id="numbers-heading">The cycle in numbers</SectionHeading>
          <CycleNumbersTable board={board} />
        </Card>
      </div>

      {burnUp ? (
        <Card>
          <SectionHeading id="burn-up-heading">Roadmap progress</SectionHeading>
          <div className="max-w-3xl">
            <RoadmapBurnUp burnUp={burnUp} cycleName={cycle.name} />
          </div>
        </Card>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <SectionHeading id="at-risk-heading">At risk</SectionHeading>
          {board.atRisk.length === 0 ? (
            <EmptyState>No team reports being at risk, off track or blocked.</EmptyState>
          ) : (
            <ul className="space-y-2">
              {board.atRisk.map((r) => (
                <li key={r.teamSlug} className="flex flex-wrap items-center gap-2 text-sm">
                  <HealthBadge health={r.health} />
                  <Link href={`/teams/${r.teamSlug}`} className="font-medium hover:underline">
                    {r.teamName}
                  </Link>
                  <Link href={`/updates/${r.updateId}`} className="text-slate-700 hover:underline dark:text-slate-300">
                    {r.headline}
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card>
          <SectionHeading id="help-heading">Help wanted</SectionHeading>
          <p className="mb-3 text-sm">
            <Link href={`/help-wanted?cycle=${encodeURIComponent(cycle.slug)}`} className="text-accent-700 underline dark:text-indigo-300">
              Help requests in {cycle.name}: {openRequests} open, {takenRequests} taken
            </Link>
          </p>
          {board.helpWanted.length === 0 ? (
            <EmptyState>No open calls for help in this cycle.</EmptyState>
          ) : (
            <ul className="space-y-3">
              {board.helpWanted.map((h) => (
                <li key={h.key} className="text-sm">
                  <HelpRequestTitle title={h.title} linkUrl={h.linkUrl} />
                  <p className="text-slate-600 dark:text-slate-400">
                    <Link href={`/teams/${h.teamSlug}`} className="hover:underline">
                      {h.teamName}
                    </Link>
                    {h.contact ? ` · ${h.contact}` : ""}
                    {h.askedIn ? ` · asked in ${h.askedIn}` : ""}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      <section aria-labelledby="topics-heading">
        <SectionHeading id="topics-heading">Community topics</SectionHeading>
        {board.topics.length === 0 ? (
          <EmptyState>No community topics recorded for this cycle.</EmptyState>
        ) : (
          <ul className="grid gap-4 md:grid-cols-3">
            {board.topics.map((topic) => (
              <Card as="li" key={topic.id}>
                <h3 className="font-semibold">{topic.title}</h3>
                <p className="mt-1 text-sm">
                  <span className="font-medium">Outcome: </span>
                  {topic.outcome === "decision" ? topic.decision : "No decision yet"}
                </p>
                <div className="mt-2">
                  <Markdown>{topic.notes}</Markdown>
                </div>
                {topic.actionItems.length > 0 ? (
                  <div className="mt-3">
                    <h4 className="text-sm font-medium">Action items</h4>
                    <ul className="mt-1 list-disc pl-5 text-sm">
                      {topic.actionItems.map((a) => (
                        <li key={a.id}>
                          {a.description}
                          {a.ownerName ? <span className="text-slate-600 dark:text-slate-400"> — {a.ownerName}</span> : null}
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
              </Card>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
