import type { Metadata } from "next";
import { Card, EmptyState, SectionHeading } from "@/components/ui/card";
import { EmailPreferencesForm } from "@/components/notifications/email-preferences-form";
import { InboxList } from "@/components/notifications/inbox-list";
import { requestTime } from "@/lib/dal/cache/cache";
import { requireSignedIn } from "@/lib/dal/identity/actor";
import { listInbox } from "@/lib/dal/notifications/inbox";
import { getEmailPreferences } from "@/lib/dal/notifications/preferences";
import { listLeadsOpenDrafts } from "@/lib/dal/updates/editor";
import { formatTimestamp } from "@/lib/dates";
import Link from "next/link";
import { mailerFromEnv } from "@/lib/mailer";

export const metadata: Metadata = { title: "Inbox" };
export const instant = false;

export default async function InboxPage() {
  const actor = await requireSignedIn("/inbox");
  const entries = listInbox({ actor });
  const drafts = listLeadsOpenDrafts({ actor });
  const now = await requestTime();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold tracking-tight">Inbox</h1>
      <Card>
        <SectionHeading id="notifications-heading">Notifications</SectionHeading>
        {entries.length === 0 ? (
          <EmptyState>Nothing yet. Follow a team or a cycle from its page to hear of its new updates here.</EmptyState>
        ) : (
          <InboxList entries={entries} now={now} />
        )}
      </Card>
      {drafts.length === 0 ? null : (
        <Card>
          <SectionHeading id="drafts-heading">Your teams&apos; open drafts</SectionHeading>
          <ul className="space-y-1 text-sm">
            {drafts.map((draft) => (
              <li key={draft.id}>
                <Link href={`/updates/${draft.id}/edit`} className="font-medium underline">
                  {draft.headline}
                </Link>{" "}
                <span className="text-slate-600 dark:text-slate-400">
                  · {draft.teamName} · cycle {draft.cycleName} · last saved {formatTimestamp(draft.updatedAt)}
                </span>
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card>
        <SectionHeading id="email-heading">Email</SectionHeading>
        {mailerFromEnv() ? null : (
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
            This site sends no email yet (no SMTP_URL is set); your choices apply once it does.
          </p>
        )}
        <EmailPreferencesForm choices={getEmailPreferences({ actor })} />
      </Card>
    </div>
  );
}
