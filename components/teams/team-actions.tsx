"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { ChangeRequestNotice } from "@/components/updates/change-request-notice";
import { changeRequestsQuery } from "@/lib/query/review";
import { sessionQuery } from "@/lib/query/session";
import { sessionCan } from "@/lib/session-info";

/**
 * The team's buttons for the people who may use them. Only a convenience: the server
 * refuses the same actions to everyone else.
 */
export function TeamActions({ teamSlug }: { teamSlug: string }) {
  const { data } = useQuery(sessionQuery.options());
  const writes = sessionCan(data, "update.write", teamSlug);
  const plans = sessionCan(data, "roadmap.write", teamSlug);
  const asksForHelp = sessionCan(data, "help.manage", teamSlug);
  const editsLinks = sessionCan(data, "team.edit_links", teamSlug);
  const { data: requests } = useQuery({ ...changeRequestsQuery.options(teamSlug), enabled: writes });
  if (!writes && !plans && !asksForHelp && !editsLinks) return null;
  const secondary =
    "rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800";
  return (
    <div className="flex flex-wrap gap-2">
      {requests?.map((request) => (
        <ChangeRequestNotice key={request.updateId} request={request} linkToEditor />
      ))}
      {writes ? (
        <Link
          href={`/updates/new?team=${teamSlug}`}
          className="rounded-md bg-accent-600 px-3 py-2 text-sm font-medium text-white hover:bg-accent-700"
        >
          Post update
        </Link>
      ) : null}
      {plans ? (
        <Link href={`/teams/${teamSlug}/roadmap`} className={secondary}>
          Manage roadmap
        </Link>
      ) : null}
      {asksForHelp ? (
        <Link href={`/teams/${teamSlug}/help`} className={secondary}>
          Ask for help
        </Link>
      ) : null}
      {editsLinks ? (
        <Link href={`/teams/${teamSlug}/links`} className={secondary}>
          Edit links
        </Link>
      ) : null}
    </div>
  );
}
