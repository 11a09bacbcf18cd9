import type { Metadata } from "next";
import Link from "next/link";
import { NotAllowed } from "@/components/site/not-allowed";
import { RoadmapEditor } from "@/components/teams/roadmap-editor";
import { requireSignedIn } from "@/lib/dal/identity/actor";
import { getRoadmapForEditing } from "@/lib/dal/roadmap/editor";
import { getSiteInfo } from "@/lib/dal/site/reads";
import { ForbiddenError, InputError } from "@/lib/errors";
import { notFound } from "next/navigation";

export const metadata: Metadata = { title: "Roadmap" };
export const instant = false;

export default async function RoadmapPage({ params, searchParams }: PageProps<"/teams/[slug]/roadmap">) {
  const { slug } = await params;
  const { cycle } = await searchParams;
  const actor = await requireSignedIn(`/teams/${slug}/roadmap`);
  const cycleSlug = typeof cycle === "string" ? cycle : (await getSiteInfo()).currentCycle?.slug;
  if (!cycleSlug) notFound();
  let roadmap;
  try {
    roadmap = getRoadmapForEditing({ actor, team: decodeURIComponent(slug), cycle: cycleSlug });
  } catch (error) {
    if (error instanceof ForbiddenError) return <NotAllowed />;
    if (error instanceof InputError) notFound();
    throw error;
  }
  return (
    <div className="mx-auto max-w-4xl space-y-4">
      <p className="text-sm">
        <Link href={`/teams/${roadmap.team.slug}`} className="text-accent-700 underline dark:text-indigo-300">
          {roadmap.team.name}
        </Link>
      </p>
      <h1 className="text-2xl font-bold tracking-tight">Roadmap for {roadmap.cycle.name}</h1>
      <nav aria-label="Cycles" className="flex flex-wrap gap-2 text-sm">
        {roadmap.cycles.map((c) => (
          <Link
            key={c.slug}
            href={`/teams/${roadmap.team.slug}/roadmap?cycle=${encodeURIComponent(c.slug)}`}
            aria-current={c.slug === roadmap.cycle.slug ? "page" : undefined}
            className="rounded-md px-3 py-1 hover:bg-slate-100 aria-[current=page]:bg-slate-200 aria-[current=page]:font-semibold dark:hover:bg-slate-800 dark:aria-[current=page]:bg-slate-800"
          >
            {c.name}
          </Link>
        ))}
      </nav>
      <RoadmapEditor key={roadmap.cycle.slug} initial={roadmap} />
    </div>
  );
}
