import { notFound } from "next/navigation";
import { TeamProfileView } from "@/components/teams/team-profile";
import { pageTime } from "@/lib/dal/cache/cache";
import { getTeamProfile } from "@/lib/dal/teams/reads";

export const instant = false;
/** Rendered once per change and kept (lib/dal/cache/page-cache-handler.js): the page reads no request. */
export const ensureStatic = "navigation";

/** The build has no teams (db/client.ts); each team's page renders on its first visit. */
export function generateStaticParams() {
  return [{ slug: "_" }];
}

export async function generateMetadata({ params }: PageProps<"/teams/[slug]">) {
  const { slug } = await params;
  const profile = await getTeamProfile({ team: decodeURIComponent(slug) });
  return { title: profile?.team.name ?? "Team" };
}

export default async function TeamPage({ params }: PageProps<"/teams/[slug]">) {
  const { slug } = await params;
  const profile = await getTeamProfile({ team: decodeURIComponent(slug) });
  if (!profile) notFound();
  return <TeamProfileView profile={profile} now={await pageTime()} />;
}
