import { notFound } from "next/navigation";
import { Suspense } from "react";
import { CycleBoard } from "@/components/cycles/cycle-board";
import { LoadingBlock } from "@/components/ui/loading";
import { getCycleBoard } from "@/lib/dal/cycles";
import { getSiteInfo } from "@/lib/dal/site";

export async function generateMetadata({ params }: PageProps<"/cycles/[name]">) {
  const { name } = await params;
  return { title: `Cycle ${decodeURIComponent(name)}` };
}

async function Board({ params }: { params: PageProps<"/cycles/[name]">["params"] }) {
  const { name } = await params;
  const [board, site] = await Promise.all([getCycleBoard({ cycle: decodeURIComponent(name) }), getSiteInfo()]);
  if (!board) notFound();
  return <CycleBoard board={board} communityName={site.name} now={Date.now()} />;
}

export default function CyclePage({ params }: PageProps<"/cycles/[name]">) {
  return (
    <Suspense fallback={<LoadingBlock label="Loading the cycle" />}>
      <Board params={params} />
    </Suspense>
  );
}
