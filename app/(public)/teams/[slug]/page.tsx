import { notFound } from "next/navigation";
import { Suspense } from "react";
import { TeamProfileView } from "@/components/teams/team-profile";
import { LoadingBlock } from "@/components/ui/loading";
import { getTeamProfile } from "@/lib/dal/teams";

async function Profile({ params }: { params: PageProps<"/teams/[slug]">["params"] }) {
  const { slug } = await params;
  const profile = await getTeamProfile({ team: decodeURIComponent(slug) });
  if (!profile) notFound();
  return <TeamProfileView profile={profile} now={Date.now()} />;
}

export default function TeamPage({ params }: PageProps<"/teams/[slug]">) {
  return (
    <Suspense fallback={<LoadingBlock label="Loading the team" />}>
      <Profile params={params} />
    </Suspense>
  );
}
