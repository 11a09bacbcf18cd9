"use client";

import { useQuery } from "@tanstack/react-query";
import { sessionQuery } from "@/lib/query/session";

/** Filled in the browser from /api/session, so the page around it can be cached for everyone. */
export function AccountMenu() {
  const { data } = useQuery(sessionQuery.options());
  if (!data) return <span className="h-5 w-16" aria-hidden="true" />;
  if (!data.signedIn) return <span className="text-sm text-slate-600 dark:text-slate-400">Reading as a guest</span>;
  return <span className="text-sm">{data.name}</span>;
}
