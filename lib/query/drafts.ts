import { queryOptions } from "@tanstack/react-query";
import type { OpenDraft } from "@/lib/dal/updates/editor";

/** A team's open drafts (GET /api/teams/[slug]/drafts); null for people who may not read them. */
export const teamDraftsQuery = {
  key: (teamSlug: string) => ["team-drafts", teamSlug] as const,
  options: (teamSlug: string) =>
    queryOptions({
      queryKey: teamDraftsQuery.key(teamSlug),
      queryFn: async (): Promise<OpenDraft[] | null> => {
        const url = `/api/teams/${encodeURIComponent(teamSlug)}/drafts`;
        const response = await fetch(url, { credentials: "same-origin" });
        if (response.status === 401 || response.status === 403) return null;
        if (!response.ok) throw new Error(`${url} answered ${response.status}`);
        return (await response.json()) as OpenDraft[];
      },
    }),
};
