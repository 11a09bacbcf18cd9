import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NotAllowed } from "@/components/site/not-allowed";
import { RoadmapEditor } from "@/components/teams/roadmap-editor";
import { ReviewThread } from "@/components/updates/review-thread";
import { UpdateEditor } from "@/components/updates/update-editor";
import { requireSignedIn } from "@/lib/dal/identity/actor";
import { getRoadmapForEditing } from "@/lib/dal/roadmap/editor";
import { getUpdateForEditing } from "@/lib/dal/updates/editor";
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
  const roadmap = getRoadmapForEditing({ actor, team: editing.team.slug, cycle: editing.cycle.slug });
  return (
    <div className="space-y-10">
      <UpdateEditor initial={editing} />
      <ReviewThread updateId={editing.id} />
      <section aria-labelledby="roadmap-editor-heading" className="border-t border-slate-200 pt-8 dark:border-slate-800">
        <h2 id="roadmap-editor-heading" className="mb-4 text-xl font-semibold">
          Roadmap items for {editing.cycle.name}
        </h2>
        <RoadmapEditor initial={roadmap} />
      </section>
    </div>
  );
}
