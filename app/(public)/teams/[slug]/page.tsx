import { notFound } from "next/navigation";
import { TeamProfileView } from "@/components/teams/team-profile";
import { requestTime } from "@/lib/dal/cache";
import { getTeamProfile } from "@/lib/dal/teams";

export const instant = false;

export async function generateMetadata({ params }: PageProps<"/teams/[slug]">) {
  const { slug } = await params;
  const profile = await getTeamProfile({ team: decodeURIComponent(slug) });
  return { title: profile?.team.name ?? "Team" };
}

export default async function TeamPage({ params, searchParams }: PageProps<"/teams/[slug]">) {
  const { slug } = await params;
  const { cycles } = await searchParams;
  const profile = await getTeamProfile({ team: decodeURIComponent(slug), allCycles: cycles === "all" });
  if (!profile) notFound();
  return <TeamProfileView profile={profile} now={await requestTime()} />;
}
