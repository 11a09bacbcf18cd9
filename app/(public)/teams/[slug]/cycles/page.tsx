import { notFound } from "next/navigation";
import { TeamProfileView } from "@/components/teams/team-profile";
import { pageTime } from "@/lib/dal/cache/cache";
import { getTeamProfile } from "@/lib/dal/teams/reads";

export const instant = false;
export const ensureStatic = "navigation";

/** The build has no teams (db/client.ts); each team's page renders on its first visit. */
export function generateStaticParams() {
  return [{ slug: "_" }];
}

export async function generateMetadata({ params }: PageProps<"/teams/[slug]/cycles">) {
  const { slug } = await params;
  const profile = await getTeamProfile({ team: decodeURIComponent(slug) });
  return { title: profile ? `${profile.team.name}: every cycle` : "Team" };
}

/** The team page with the history and roadmap of every cycle, not only the newest. */
export default async function TeamEveryCyclePage({ params }: PageProps<"/teams/[slug]/cycles">) {
  const { slug } = await params;
  const profile = await getTeamProfile({ team: decodeURIComponent(slug), allCycles: true });
  if (!profile) notFound();
  return <TeamProfileView profile={profile} now={await pageTime()} />;
}
