import type { Metadata } from "next";
import Link from "next/link";
import { NotAllowed } from "@/components/site/not-allowed";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, SectionHeading } from "@/components/ui/card";
import { HealthBadge } from "@/components/updates/health-badge";
import { HelpRequestTitle } from "@/components/teams/help-request-title";
import { requireSignedIn } from "@/lib/dal/identity/actor";
import { requestTime } from "@/lib/dal/cache/cache";
import { publicBaseUrl } from "@/lib/dal/identity/auth";
import { previewReminders } from "@/lib/dal/notifications/reminders";
import { getReviewQueue } from "@/lib/dal/updates/review";
import { formatDay } from "@/lib/dates";
import { getSiteInfo } from "@/lib/dal/site/reads";
import { ago } from "@/lib/dates";
import { can } from "@/lib/permissions";
import { ReviewQueue } from "@/components/review/review-queue";
import { SendRemindersButton } from "./review-forms";

export const metadata: Metadata = { title: "Review queue" };
export const instant = false;

export default async function ReviewPage({ searchParams }: PageProps<"/review">) {
  const actor = await requireSignedIn("/review");
  if (!can(actor, "update.review")) return <NotAllowed />;
  const { cycle, page } = await searchParams;
  const now = await requestTime();
  const slug = typeof cycle === "string" ? cycle : (await getSiteInfo()).currentCycle?.slug;
  const queue = slug ? getReviewQueue({ actor, cycle: slug, now, page: Number(typeof page === "string" ? page : 1) }) : null;
  if (!queue) return <EmptyState>There is no cycle to review yet.</EmptyState>;
  const reminders = previewReminders({ actor, now, baseUrl: publicBaseUrl() });
  return (
    <div className="space-y-8">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-3xl font-bold tracking-tight">Review queue · {queue.cycle.name}</h1>
        <nav aria-label="Cycles" className="flex gap-2 text-sm">
          {queue.cycles.map((c) => (
            <Link
              key={c.slug}
              href={`/review?cycle=${encodeURIComponent(c.slug)}`}
              aria-current={c.slug === queue.cycle.slug ? "page" : undefined}
              className="rounded-md px-2 py-1 hover:bg-slate-100 aria-[current=page]:bg-slate-200 aria-[current=page]:font-semibold dark:hover:bg-slate-800 dark:aria-[current=page]:bg-slate-800"
            >
              {c.name}
            </Link>
          ))}
        </nav>
      </header>

      <section aria-labelledby="queue-heading">
        <SectionHeading id="queue-heading">
          Waiting for review ({queue.waitingOnReview}) · waiting on their team ({queue.total - queue.waitingOnReview})
        </SectionHeading>
        {/* The queue says itself when it is empty: it keeps the entries first shown when a decision empties it. */}
        <ReviewQueue key={`${queue.cycle.slug}:${queue.page}`} entries={queue.entries} now={now} />
        {queue.pages > 1 ? (
          <nav aria-label="Queue pages" className="mt-3 flex flex-wrap items-center gap-3 text-sm">
            <span>
              Page {queue.page} of {queue.pages}
            </span>
            {queue.page > 1 ? (
              <Link href={`/review?cycle=${encodeURIComponent(queue.cycle.slug)}&page=${queue.page - 1}`} className="underline">
                Previous page
              </Link>
            ) : null}
            {queue.page < queue.pages ? (
              <Link href={`/review?cycle=${encodeURIComponent(queue.cycle.slug)}&page=${queue.page + 1}`} className="underline">
                Next page
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <SectionHeading id="due-heading">Update due</SectionHeading>
          <p className="mb-2 text-sm text-slate-600 dark:text-slate-400">Teams with no published update {queue.due.reason}.</p>
          {queue.due.teams.length === 0 ? (
            <EmptyState>Every team is up to date.</EmptyState>
          ) : (
            <ul className="space-y-1 text-sm">
              {queue.due.teams.map((t) => (
                <li key={t.slug}>
                  <Link href={`/teams/${t.slug}`} className="font-medium underline">
                    {t.name}
                  </Link>
                  <span className="text-slate-600 dark:text-slate-400">
                    {" "}
                    · {t.lastPublishedAt ? `last update ${ago(t.lastPublishedAt, now)}` : "no update this cycle yet"}
                  </span>
                  {t.shepherded ? (
                    <>
                      {" "}
                      <Badge tone="violet">Your team</Badge>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <SectionHeading id="risk-heading">At risk, off track or blocked</SectionHeading>
          {queue.atRisk.length === 0 && queue.slipping.length === 0 ? (
            <EmptyState>Nothing at risk.</EmptyState>
          ) : (
            <ul className="space-y-2 text-sm">
              {queue.atRisk.map((r) => (
                <li key={r.teamSlug} className="flex flex-wrap items-center gap-2">
                  <HealthBadge health={r.health} />{" "}
                  <Link href={`/updates/${r.updateId}`} className="underline">
                    {r.teamName}: {r.headline}
                  </Link>
                </li>
              ))}
              {queue.slipping.map((item) => (
                <li key={item.id}>
                  <Badge tone="amber">Deferred</Badge> {item.teamName}: {item.title}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
      <Card>
        <SectionHeading id="reminders-heading">Reminders</SectionHeading>
        <p className="mb-2 text-sm text-slate-600 dark:text-slate-400">
          Sent by themselves every hour within the lead time before a milestone; each team hears once per milestone.
        </p>
        {reminders.length === 0 ? (
          <EmptyState>No reminder is waiting to go out.</EmptyState>
        ) : (
          <ul className="mb-3 space-y-2 text-sm">
            {reminders.map((r) => (
              <li key={`${r.milestone.id}-${r.team.id}`}>
                <span className="font-medium">{r.team.name}</span>: update due before {r.milestone.name} ({formatDay(r.milestone.dueOn)})
                <span className="text-slate-600 dark:text-slate-400"> · to {r.leads.map((l) => l.name).join(", ") || "no lead yet"}</span>
                <details className="mt-1">
                  <summary className="cursor-pointer text-xs">Preview</summary>
                  <pre className="mt-1 whitespace-pre-wrap rounded bg-slate-50 p-2 text-xs dark:bg-slate-800">{`${r.subject}\n\n${r.text}`}</pre>
                </details>
              </li>
            ))}
          </ul>
        )}
        <SendRemindersButton count={reminders.length} />
      </Card>

      <Card>
        <SectionHeading id="help-heading">Help wanted</SectionHeading>
        {queue.helpWanted.length === 0 ? (
          <EmptyState>No open calls for help.</EmptyState>
        ) : (
          <ul className="grid gap-3 text-sm sm:grid-cols-2">
            {queue.helpWanted.map((h) => (
              <li key={h.key}>
                <HelpRequestTitle title={h.title} linkUrl={h.linkUrl} />
                <span className="text-slate-600 dark:text-slate-400">{h.teamName}</span>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
