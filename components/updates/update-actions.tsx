"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { sessionQuery } from "@/lib/query/session";
import { sessionCan } from "@/lib/session-info";

/** "Edit" for the team's leads and admins; the editor itself refuses everyone else. */
export function UpdateActions({ updateId, teamSlug }: { updateId: number; teamSlug: string }) {
  const { data } = useQuery(sessionQuery.options());
  if (!sessionCan(data, "update.write", teamSlug)) return null;
  return (
    <Link
      href={`/updates/${updateId}/edit`}
      className="rounded-md border border-slate-300 px-3 py-2 text-sm font-medium hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800"
    >
      Edit
    </Link>
  );
}
