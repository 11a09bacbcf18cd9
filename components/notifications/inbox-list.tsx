"use client";

import Link from "next/link";
import { markAllReadAction, markReadAction } from "@/app/(signed-in)/inbox/actions";
import { useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/form";
import type { InboxEntry } from "@/lib/dal/notifications/inbox";
import { ago } from "@/lib/dates";
import { sessionQuery } from "@/lib/query/session";

/** The header's unread count comes from the session query: ask again after marking. */
function useRecount() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: sessionQuery.key() });
}

/** Its button names the notification, so a screen reader's list of buttons tells them apart. */
function MarkRead({ id, title }: { id: number; title: string }) {
  const recount = useRecount();
  async function mark(formData: FormData) {
    await markReadAction(null, formData);
    recount();
  }
  return (
    <form action={mark} className="shrink-0">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="secondary">
        Mark read<span className="sr-only">: {title}</span>
      </Button>
    </form>
  );
}

/** Newest first; each links to what it is about, and unread ones can be marked read one by one or all at once. */
export function InboxList({ entries, now }: { entries: InboxEntry[]; now: number }) {
  const unread = entries.filter((e) => !e.read).length;
  const recount = useRecount();
  async function markAll() {
    await markAllReadAction(null, new FormData());
    recount();
  }
  return (
    <div className="space-y-4">
      <div className="flex items-center justify-between gap-3">
        <p className="text-sm text-slate-700 dark:text-slate-300">{unread === 0 ? "All read." : `${unread} unread.`}</p>
        {unread > 0 ? (
          <form action={markAll}>
            <Button type="submit" variant="secondary">
              Mark all read
            </Button>
          </form>
        ) : null}
      </div>
      <ul className="divide-y divide-slate-200 dark:divide-slate-800" aria-labelledby="notifications-heading">
        {entries.map((entry) => (
          <li key={entry.id} className="flex items-start justify-between gap-3 py-3">
            <div className="min-w-0">
              <p className={entry.read ? "text-sm" : "text-sm font-semibold"}>
                {entry.read ? null : <span className="sr-only">Unread: </span>}
                <Link href={entry.linkPath as never} className="underline-offset-2 hover:underline">
                  {entry.title}
                </Link>
              </p>
              {entry.body ? (
                <p className="mt-1 line-clamp-3 whitespace-pre-line text-sm text-slate-700 dark:text-slate-300">{entry.body}</p>
              ) : null}
              <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">{ago(entry.createdAt, now)}</p>
            </div>
            {entry.read ? null : <MarkRead id={entry.id} title={entry.title} />}
          </li>
        ))}
      </ul>
    </div>
  );
}
