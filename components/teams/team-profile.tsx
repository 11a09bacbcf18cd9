import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, SectionHeading } from "@/components/ui/card";
import { Markdown } from "@/components/ui/markdown";
import { FollowButton } from "@/components/notifications/follow-button";
import { HelpRequestTitle } from "@/components/teams/help-request-title";
import { HealthBadge } from "@/components/updates/health-badge";
import { UpdateSections } from "@/components/updates/update-sections";
import { ago, formatDay, formatTimestamp, todayIso } from "@/lib/dates";
import { TEAM_LINK_LABELS } from "@/lib/domain";
import { RECENT_CYCLES, type TeamProfile } from "@/lib/dal/teams/reads";
import { TeamHealthChart } from "./health-chart";
import { TeamMetricCharts } from "./metric-charts";
import { RoadmapStatusBadge } from "./roadmap-status-badge";
import { TeamActions } from "./team-actions";
import { TeamDrafts } from "./team-drafts";

export function TeamProfileView({ profile, now }: { profile: TeamProfile; now: number }) {
  const { team, currentUpdate } = profile;
  const reminder = profile.latestReminder;
  const due = reminder && reminder.dueOn >= todayIso(now) && (!currentUpdate || currentUpdate.publishedAt < reminder.sentAt);
  return (
    <div className="space-y-8">
      <header>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          <Link href="/teams" className="hover:underline">
            Teams
          </Link>
        </p>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-3xl font-bold tracking-tight">{team.name}</h1>
          <div className="flex flex-wrap items-center gap-2">
            <FollowButton subject="team" slug={team.slug} name={team.name} />
            <TeamActions teamSlug={team.slug} />
          </div>
        </div>
        <div className="mt-2 max-w-3xl">
          <Markdown>{team.mission}</Markdown>
        </div>
        <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
          {profile.leads.length > 0 ? <>Led by {profile.leads.join(", ")}</> : "No lead named yet"}
          {profile.shepherd ? <> · Release manager: {profile.shepherd}</> : null}
          {" · "}
          <a href={`/teams/${team.slug}/feed.xml`} className="text-accent-700 underline dark:text-indigo-300">
            Follow (Atom)
          </a>
        </p>
      </header>

      <TeamDrafts teamSlug={team.slug} />

      {due ? (
        <p role="status" className="rounded-lg border border-sky-300 bg-sky-50 px-4 py-2 text-sm dark:border-sky-800 dark:bg-sky-950">
          An update from {team.name} is due before {reminder.milestoneName} on {formatDay(reminder.dueOn)}.
        </p>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <SectionHeading id="current-update" aside={currentUpdate ? <HealthBadge health={currentUpdate.health} /> : undefined}>
            Current update
          </SectionHeading>
          {currentUpdate ? (
            <>
              <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">
                <Link href={`/updates/${currentUpdate.id}`} className="font-medium text-slate-900 hover:underline dark:text-slate-100">
                  {currentUpdate.headline}
                </Link>{" "}
                · {currentUpdate.cycleName} · {ago(currentUpdate.publishedAt, now)}
              </p>
              <UpdateSections update={currentUpdate} headingLevel={3} />
            </>
          ) : (
            <EmptyState>This team has not posted an update yet.</EmptyState>
          )}
        </Card>

        <div className="space-y-6">
          <Card>
            <SectionHeading id="links-heading">Links</SectionHeading>
            {profile.links.length === 0 ? (
              <EmptyState>No links yet.</EmptyState>
            ) : (
              <ul className="space-y-2 text-sm">
                {profile.links.map((link) => (
                  <li key={link.id}>
                    <span className="block text-xs text-slate-600 dark:text-slate-400">{TEAM_LINK_LABELS[link.kind]}</span>
                    <a href={link.url} className="text-accent-700 underline dark:text-indigo-300">
                      {link.label}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </Card>

          <Card>
            <SectionHeading id="help-heading">Help wanted</SectionHeading>
            {profile.helpRequests.length === 0 ? (
              <EmptyState>No open calls for help.</EmptyState>
            ) : (
              <ul className="space-y-3 text-sm">
                {profile.helpRequests.map((h) => (
                  <li key={h.id}>
                    <HelpRequestTitle title={h.title} linkUrl={h.linkUrl} />
                    {h.status === "taken" ? <Badge tone="blue">Taken up</Badge> : null}
                    {h.details ? <Markdown>{h.details}</Markdown> : null}
                    <p className="text-xs text-slate-600 dark:text-slate-400">
                      {h.cycleName}
                      {h.contact ? ` · ${h.contact}` : ""}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>

      <Card>
        <SectionHeading id="numbers-heading">Numbers across cycles</SectionHeading>
        {profile.numbers.length === 0 ? (
          <EmptyState>This team does not report numbers.</EmptyState>
        ) : (
          <TeamMetricCharts numbers={profile.numbers} />
        )}
      </Card>

      <section aria-labelledby="roadmap-heading">
        <SectionHeading id="roadmap-heading">Roadmap</SectionHeading>
        {profile.roadmap.length === 0 ? (
          <EmptyState>No roadmap items yet.</EmptyState>
        ) : (
          <div className="space-y-6">
            {profile.roadmap.map((group) => (
              <Card key={group.cycleSlug}>
                <h3 className="mb-3 font-semibold">
                  <Link href={`/cycles/${group.cycleSlug}`} className="hover:underline">
                    {group.cycleName}
                  </Link>
                </h3>
                <ul className="space-y-3">
                  {group.items.map((item) => (
                    <li key={item.id} className="text-sm">
                      <div className="flex flex-wrap items-center gap-2">
                        <span className="font-medium">{item.title}</span>
                        <RoadmapStatusBadge status={item.status} />
                        {item.helpWanted ? (
                          <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900 dark:bg-amber-950 dark:text-amber-200">
                            Help wanted
                          </span>
                        ) : null}
                        {item.originalCycleName !== group.cycleName ? (
                          <span className="text-xs text-slate-600 dark:text-slate-400">first planned for {item.originalCycleName}</span>
                        ) : null}
                      </div>
                      {item.description ? <p className="mt-1 text-slate-700 dark:text-slate-300">{item.description}</p> : null}
                      {item.links.length > 0 ? (
                        <p className="mt-1 flex flex-wrap gap-3 text-xs">
                          {item.links.map((l) => (
                            <a key={l.url} href={l.url} className="text-accent-700 underline dark:text-indigo-300">
                              {l.label}
                            </a>
                          ))}
                        </p>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </Card>
            ))}
          </div>
        )}
      </section>

      {profile.history.length > 0 ? (
        <Card>
          <SectionHeading id="health-heading">Health over time</SectionHeading>
          <div className="max-w-3xl">
            <TeamHealthChart teamName={team.name} history={profile.history} />
          </div>
        </Card>
      ) : null}

      <Card>
        <SectionHeading id="history-heading">History</SectionHeading>
        {profile.history.length === 0 ? (
          <EmptyState>No published updates yet.</EmptyState>
        ) : (
          <ol className="space-y-2 text-sm">
            {profile.history.map((u) => (
              <li key={u.id} className="flex flex-wrap items-center gap-2">
                <span className="w-12 font-medium tabular-nums">{u.cycleName}</span>
                <HealthBadge health={u.health} />
                <Link href={`/updates/${u.id}`} className="hover:underline">
                  {u.headline}
                </Link>
                <span className="text-xs text-slate-600 dark:text-slate-400">{formatTimestamp(u.publishedAt)}</span>
              </li>
            ))}
          </ol>
        )}
        {profile.olderCycles > 0 ? (
          <p className="mt-4 text-sm">
            History and roadmap show the {RECENT_CYCLES} newest cycles.{" "}
            <Link href={`/teams/${team.slug}/cycles`} className="underline">
              Show all {RECENT_CYCLES + profile.olderCycles} cycles
            </Link>
          </p>
        ) : null}
      </Card>
    </div>
  );
}
