import type { Metadata } from "next";
import { NotAllowed } from "@/components/site/not-allowed";
import { Card } from "@/components/ui/card";
import { requireSignedIn } from "@/lib/dal/identity/actor";
import { getStartOptions } from "@/lib/dal/updates/editor";
import { StartUpdateForm } from "./start-form";

export const metadata: Metadata = { title: "Post an update" };
export const instant = false;

export default async function NewUpdatePage({ searchParams }: PageProps<"/updates/new">) {
  const params = await searchParams;
  const query = new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (typeof v === "string" ? [[k, v]] : [])));
  const actor = await requireSignedIn(`/updates/new${query.size ? `?${query}` : ""}`);
  const options = getStartOptions({ actor });
  if (options.teams.length === 0 || options.cycles.length === 0) return <NotAllowed />;
  const team = options.teams.find((t) => t.slug === params.team)?.slug ?? options.teams[0]!.slug;
  const cycle =
    options.cycles.find((c) => c.slug === params.cycle)?.slug ??
    options.cycles.find((c) => c.status === "active")?.slug ??
    options.cycles[0]!.slug;
  return (
    <div className="mx-auto max-w-xl">
      <h1 className="mb-4 text-2xl font-bold tracking-tight">Post an update</h1>
      <Card as="div">
        <StartUpdateForm
          teams={options.teams}
          cycles={options.cycles}
          lastUpdates={options.lastUpdates}
          drafts={options.drafts}
          team={team}
          cycle={cycle}
        />
      </Card>
    </div>
  );
}
