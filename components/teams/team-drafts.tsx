"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { teamDraftsQuery } from "@/lib/query/drafts";
import { sessionQuery } from "@/lib/query/session";
import { sessionCan } from "@/lib/session-info";
import { formatTimestamp } from "@/lib/dates";

/**
 * The team's open drafts, for the people who may read them: the page itself is kept and
 * shared by everyone, so they are fetched per viewer, and the server refuses them to others.
 */
export function TeamDrafts({ teamSlug }: { teamSlug: string }) {
  const { data: session } = useQuery(sessionQuery.options());
  const reads = sessionCan(session, "update.read_draft", teamSlug);
  const writes = sessionCan(session, "update.write", teamSlug);
  const { data: drafts } = useQuery({ ...teamDraftsQuery.options(teamSlug), enabled: reads });
  if (!reads || !drafts || drafts.length === 0) return null;
  return (
    <section
      aria-labelledby="team-drafts-heading"
      className="rounded-lg border border-slate-300 bg-slate-50 p-4 dark:border-slate-700 dark:bg-slate-900"
    >
      <h2 id="team-drafts-heading" className="text-lg font-semibold">
        Open drafts
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Not published yet: only the team&apos;s leads and the release managers see them.
      </p>
      <ul className="mt-2 space-y-1 text-sm">
        {drafts.map((d) => (
          <li key={d.id}>
            <Link href={writes ? `/updates/${d.id}/edit` : `/updates/${d.id}`} className="font-medium underline">
              {d.headline}
            </Link>{" "}
            <span className="text-slate-600 dark:text-slate-400">
              · cycle {d.cycleName} · last saved {formatTimestamp(d.updatedAt)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
