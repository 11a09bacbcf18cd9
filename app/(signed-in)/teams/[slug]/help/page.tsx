import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NotAllowed } from "@/components/site/not-allowed";
import { HelpRequestTitle } from "@/components/teams/help-request-title";
import { Badge } from "@/components/ui/badge";
import { Card, EmptyState, SectionHeading } from "@/components/ui/card";
import { requireSignedIn } from "@/lib/dal/identity/actor";
import { getHelpRequestsForEditing } from "@/lib/dal/help-requests/editor";
import { ForbiddenError } from "@/lib/errors";
import { AssignHelpRequestForm, CloseHelpRequestForm, MoveHelpRequestForm, OpenHelpRequestForm } from "./help-forms";

export const metadata: Metadata = { title: "Help requests" };
export const instant = false;

export default async function TeamHelpPage({ params }: PageProps<"/teams/[slug]/help">) {
  const { slug } = await params;
  const actor = await requireSignedIn(`/teams/${slug}/help`);
  let editing;
  try {
    editing = getHelpRequestsForEditing({ actor, team: decodeURIComponent(slug) });
  } catch (error) {
    if (error instanceof ForbiddenError) return <NotAllowed />;
    throw error;
  }
  if (!editing) notFound();
  return (
    <div className="mx-auto max-w-4xl space-y-6">
      <div>
        <p className="text-sm">
          <Link href={`/teams/${editing.team.slug}`} className="text-accent-700 underline dark:text-indigo-300">
            {editing.team.name}
          </Link>
        </p>
        <h1 className="text-2xl font-bold tracking-tight">Help requests</h1>
        <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          Open and taken requests show on{" "}
          <Link href={`/help-wanted?team=${editing.team.slug}`} className="text-accent-700 underline dark:text-indigo-300">
            the help wanted page
          </Link>{" "}
          and the cycle dashboard until they are resolved or dropped.
        </p>
      </div>

      <section aria-labelledby="current-requests">
        <SectionHeading id="current-requests">Open and taken</SectionHeading>
        {editing.requests.length === 0 ? (
          <EmptyState>No open help requests.</EmptyState>
        ) : (
          <ul className="space-y-4">
            {editing.requests.map((r) => (
              <Card as="li" key={r.id}>
                <div className="flex flex-wrap items-center gap-2">
                  <HelpRequestTitle title={r.title} linkUrl={r.linkUrl} />
                  {r.status === "taken" ? (
                    <Badge tone="blue">Taken by {r.takenByName ?? r.ownerName ?? "someone"}</Badge>
                  ) : (
                    <Badge tone="amber">Open</Badge>
                  )}
                </div>
                <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
                  {[
                    r.cycleName,
                    r.askedInCycleName && `asked in ${r.askedInCycleName}`,
                    r.roadmapItemTitle && `for “${r.roadmapItemTitle}”`,
                    r.contact && `Contact: ${r.contact}`,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </p>
                <div className="mt-3">
                  <AssignHelpRequestForm request={r} people={editing.people} />
                </div>
                <div className="mt-3">
                  <MoveHelpRequestForm request={r} cycles={editing.cycles} />
                </div>
                <div className="mt-3 flex flex-wrap gap-2">
                  <CloseHelpRequestForm id={r.id} status="resolved" />
                  <CloseHelpRequestForm id={r.id} status="dropped" />
                </div>
              </Card>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="new-request">
        <SectionHeading id="new-request">Ask for help</SectionHeading>
        <Card as="div">
          {editing.cycles.length === 0 ? (
            <EmptyState>There is no cycle in planning or under way to ask for help in.</EmptyState>
          ) : (
            <OpenHelpRequestForm editing={editing} />
          )}
        </Card>
      </section>
    </div>
  );
}
