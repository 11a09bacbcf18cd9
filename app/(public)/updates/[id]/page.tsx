import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, SectionHeading } from "@/components/ui/card";
import { HealthBadge } from "@/components/updates/health-badge";
import { ReviewThread } from "@/components/updates/review-thread";
import { RevisionHistory } from "@/components/updates/revision-history";
import { UpdateActions, UpdateDating } from "@/components/updates/update-actions";
import { UpdateSections } from "@/components/updates/update-sections";
import { formatTimestamp, todayIso } from "@/lib/dates";
import { getCurrentActor } from "@/lib/dal/identity/actor";
import { getUpdate } from "@/lib/dal/updates/reads";

export const instant = false;

export default async function UpdatePage({ params }: PageProps<"/updates/[id]">) {
  const { id } = await params;
  const numericId = Number(id);
  const valid = Number.isSafeInteger(numericId) && numericId > 0;
  // Published updates come from the shared cache; only a draft asks who is reading (its leads and release managers may).
  const update = valid
    ? ((await getUpdate({ id: numericId })) ?? (await getUpdate({ id: numericId, actor: await getCurrentActor() })))
    : null;
  if (!update) notFound();
  return (
    <article className="mx-auto max-w-3xl space-y-6">
      <header>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          <Link href={`/teams/${update.team.slug}`} className="hover:underline">
            {update.team.name}
          </Link>
          {" · "}
          <Link href={`/cycles/${update.cycle.slug}`} className="hover:underline">
            Cycle {update.cycle.name}
          </Link>
          {update.gathering ? <> · {update.gathering.name}</> : null}
        </p>
        <div className="mt-1 flex flex-wrap items-start justify-between gap-3">
          <h1 className="text-3xl font-bold tracking-tight">{update.headline}</h1>
          <UpdateActions updateId={update.id} teamSlug={update.team.slug} />
        </div>
        <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-700 dark:text-slate-300">
          <HealthBadge health={update.health} />
          {update.state === "draft" ? (
            <span className="font-medium">Draft: only the team&apos;s leads and the release managers can see it</span>
          ) : null}
          {update.publishedAt ? <Dated publishedAt={update.publishedAt} enteredAt={update.enteredAt} /> : null}
          {update.author ? <span>by {update.author}</span> : null}
        </p>
        {update.publishedAt ? <UpdateDating updateId={update.id} teamSlug={update.team.slug} asOf={todayIso(update.publishedAt)} /> : null}
      </header>

      <Card as="div">
        <UpdateSections update={update} />
      </Card>

      {update.links.length > 0 ? (
        <Card>
          <SectionHeading id="links-heading">Links</SectionHeading>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {update.links.map((l) => (
              <li key={l.url}>
                <a href={l.url} className="text-accent-700 underline dark:text-indigo-300">
                  {l.label}
                </a>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      <ReviewThread updateId={update.id} />

      <Card>
        <SectionHeading id="revisions-heading">Revisions</SectionHeading>
        <RevisionHistory update={update} />
      </Card>
    </article>
  );
}

/** When it was published; for history entered later, the day it reports on and the day it was entered. */
function Dated({ publishedAt, enteredAt }: { publishedAt: number; enteredAt: number | null }) {
  if (enteredAt === null || todayIso(enteredAt) === todayIso(publishedAt)) return <span>Published {formatTimestamp(publishedAt)}</span>;
  return (
    <span>
      As of {formatTimestamp(publishedAt)} (entered {formatTimestamp(enteredAt)})
    </span>
  );
}
