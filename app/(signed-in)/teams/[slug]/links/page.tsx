import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NotAllowed } from "@/components/site/not-allowed";
import { Card } from "@/components/ui/card";
import { requireSignedIn } from "@/lib/dal/identity/actor";
import { getTeamLinksForEditing } from "@/lib/dal/teams/admin";
import { ForbiddenError } from "@/lib/errors";
import { TeamLinksForm } from "./links-form";

export const metadata: Metadata = { title: "Edit team links" };
export const instant = false;

export default async function TeamLinksPage({ params }: PageProps<"/teams/[slug]/links">) {
  const { slug } = await params;
  const actor = await requireSignedIn(`/teams/${slug}/links`);
  let editing;
  try {
    editing = getTeamLinksForEditing({ actor, slug: decodeURIComponent(slug) });
  } catch (error) {
    if (error instanceof ForbiddenError) return <NotAllowed />;
    throw error;
  }
  if (!editing) notFound();
  return (
    <div className="mx-auto max-w-4xl">
      <p className="text-sm">
        <Link href={`/teams/${editing.team.slug}`} className="text-accent-700 underline dark:text-indigo-300">
          {editing.team.name}
        </Link>
      </p>
      <h1 className="mb-4 text-2xl font-bold tracking-tight">Links hub</h1>
      <Card as="div">
        <TeamLinksForm teamSlug={editing.team.slug} links={editing.links} />
      </Card>
    </div>
  );
}
