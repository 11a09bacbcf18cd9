"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { changeRequestsQuery } from "@/lib/query/review";
import { sessionQuery } from "@/lib/query/session";

/**
 * The team's buttons for the people who may use them. Only a convenience: the server
 * refuses the same actions to everyone else.
 */
export function TeamActions({ teamSlug }: { teamSlug: string }) {
  const { data } = useQuery(sessionQuery.options());
  const leads = data?.signedIn === true && (data.role === "admin" || data.leadOf.includes(teamSlug));
  const { data: requests } = useQuery({ ...changeRequestsQuery.options(teamSlug), enabled: leads });
  if (!data?.signedIn) return null;
  const plans = leads || data.role === "release_manager";
  if (!plans) return null;
  const secondary = "rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800";
  return (
    <div className="flex flex-wrap gap-2">
      {requests && requests.length > 0 ? (
        <p role="status" className="w-full rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm dark:border-amber-700 dark:bg-amber-950">
          Changes requested on{" "}
          {requests.map((r, i) => (
            <span key={r.updateId}>
              {i > 0 ? ", " : ""}
              <Link href={`/updates/${r.updateId}/edit`} className="underline">
                {r.headline}
              </Link>
            </span>
          ))}
        </p>
      ) : null}
      {leads ? (
        <Link href={`/updates/new?team=${teamSlug}`} className="rounded-md bg-accent-600 px-3 py-2 text-sm font-medium text-white hover:bg-accent-700">
          Post update
        </Link>
      ) : null}
      <Link href={`/teams/${teamSlug}/roadmap`} className={secondary}>
        Manage roadmap
      </Link>
      <Link href={`/teams/${teamSlug}/help`} className={secondary}>
        Ask for help
      </Link>
      {leads ? (
        <Link href={`/teams/${teamSlug}/links`} className={secondary}>
          Edit links
        </Link>
      ) : null}
    </div>
  );
}
