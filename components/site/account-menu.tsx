"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect } from "react";
import { signOutAction } from "@/app/(auth)/actions";
import { sessionQuery } from "@/lib/query/session";
import { sessionCan } from "@/lib/session-info";

/** Filled in the browser from /api/session, so the page around it can be cached for everyone. */
export function AccountMenu() {
  const { data } = useQuery(sessionQuery.options());
  const queryClient = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  // Signing in or out ends on another page: ask again after every navigation.
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: sessionQuery.key() });
  }, [pathname, queryClient]);

  async function signOut() {
    await signOutAction();
    queryClient.setQueryData(sessionQuery.key(), { signedIn: false });
    router.push("/");
    router.refresh();
  }

  if (!data) return <span className="h-5 w-16" aria-hidden="true" />;
  if (!data.signedIn) {
    return (
      <Link
        href={`/signin?next=${encodeURIComponent(pathname)}`}
        className="rounded-md px-3 py-1.5 text-sm font-medium text-accent-700 hover:bg-slate-100 dark:text-indigo-300 dark:hover:bg-slate-800"
      >
        Sign in
      </Link>
    );
  }
  return (
    <div className="flex flex-wrap items-center gap-x-2 text-sm">
      {sessionCan(data, "update.review") ? (
        <Link href="/review" className="rounded-md px-2 py-1.5 hover:bg-slate-100 dark:hover:bg-slate-800">
          Review
        </Link>
      ) : null}
      {/* Admin's first page is People; who may manage cycles but not people gets their own page. */}
      {sessionCan(data, "cycle.manage") && !sessionCan(data, "person.manage") ? (
        <Link href="/admin/cycles" className="rounded-md px-2 py-1.5 hover:bg-slate-100 dark:hover:bg-slate-800">
          Cycles
        </Link>
      ) : null}
      {sessionCan(data, "person.manage") ? (
        <Link href="/admin" className="rounded-md px-2 py-1.5 hover:bg-slate-100 dark:hover:bg-slate-800">
          Admin
        </Link>
      ) : null}
      <Link href="/inbox" className="rounded-md px-2 py-1.5 hover:bg-slate-100 dark:hover:bg-slate-800">
        Inbox
        {data.unread > 0 ? " " : null}
        {data.unread > 0 ? (
          <span className="ml-1 rounded-full bg-accent-600 px-1.5 py-0.5 text-xs font-semibold text-white" data-testid="unread-count">
            {data.unread}
            <span className="sr-only"> unread</span>
          </span>
        ) : null}
      </Link>
      <Link
        href="/account"
        className="rounded-md px-2 py-1.5 hover:bg-slate-100 dark:hover:bg-slate-800"
        aria-label={`Your account (${data.name})`}
      >
        {data.name}
      </Link>
      <form action={signOut}>
        <button
          type="submit"
          className="rounded-md px-2 py-1.5 text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
        >
          Sign out
        </button>
      </form>
    </div>
  );
}
