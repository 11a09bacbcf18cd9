import { queryOptions } from "@tanstack/react-query";

export type FollowSubject = "team" | "cycle";

/** Whether the signed-in person follows a team or cycle (GET /api/follows/[subject]/[slug]). */
export const followQuery = {
  key: (subject: FollowSubject, slug: string) => ["follow", subject, slug] as const,
  options: (subject: FollowSubject, slug: string) =>
    queryOptions({
      queryKey: followQuery.key(subject, slug),
      queryFn: async (): Promise<{ following: boolean }> => {
        const response = await fetch(`/api/follows/${subject}/${encodeURIComponent(slug)}`, { credentials: "same-origin" });
        if (!response.ok) throw new Error(`Follow check failed (${response.status})`);
        return (await response.json()) as { following: boolean };
      },
    }),
};
