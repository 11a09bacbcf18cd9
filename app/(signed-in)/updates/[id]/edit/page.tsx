import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NotAllowed } from "@/components/site/not-allowed";
import Link from "next/link";
import { ChangeRequestNotice } from "@/components/updates/change-request-notice";
import { ReviewThread } from "@/components/updates/review-thread";
import { UpdateEditor } from "@/components/updates/update-editor";
import { requireSignedIn } from "@/lib/dal/identity/actor";
import { getUpdateForEditing } from "@/lib/dal/updates/editor";
import { changeRequestOf } from "@/lib/dal/updates/review";
import { ForbiddenError } from "@/lib/errors";

export const metadata: Metadata = { title: "Edit update" };
export const instant = false;

export default async function EditUpdatePage({ params }: PageProps<"/updates/[id]/edit">) {
  const { id } = await params;
  const actor = await requireSignedIn(`/updates/${id}/edit`);
  const numericId = Number(id);
  if (!Number.isSafeInteger(numericId) || numericId <= 0) notFound();
  let editing;
  try {
    editing = getUpdateForEditing({ actor, id: numericId });
  } catch (error) {
    if (error instanceof ForbiddenError) return <NotAllowed />;
    throw error;
  }
  if (!editing) notFound();
  const changeRequest = changeRequestOf({ actor, updateId: editing.id });
  return (
    <div className="space-y-10">
      {changeRequest ? <ChangeRequestNotice request={changeRequest} linkToEditor={false} /> : null}
      <UpdateEditor initial={editing} />
      <ReviewThread updateId={editing.id} />
      <section aria-labelledby="roadmap-link-heading" className="border-t border-slate-200 pt-8 dark:border-slate-800">
        <h2 id="roadmap-link-heading" className="mb-2 text-xl font-semibold">
          Roadmap items for {editing.cycle.name}
        </h2>
        <p className="max-w-3xl text-sm">
          The roadmap is not part of this update: a change to it is public as soon as it is saved, whether or not this update is ever
          published.{" "}
          <Link
            href={`/teams/${editing.team.slug}/roadmap?cycle=${encodeURIComponent(editing.cycle.slug)}`}
            className="font-medium text-accent-700 underline dark:text-indigo-300"
          >
            Edit the roadmap for {editing.cycle.name}
          </Link>
        </p>
      </section>
    </div>
  );
}
