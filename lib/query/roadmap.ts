import { queryOptions } from "@tanstack/react-query";
import type { RoadmapForEditing } from "@/lib/dal/roadmap/editor";

/** A team's roadmap for one cycle, from GET /api/roadmap/[team]/[cycle]; the server page passes the first copy. */
export const roadmapQuery = {
  key: (team: string, cycle: string) => ["roadmap", team, cycle] as const,
  options: (team: string, cycle: string) =>
    queryOptions({
      queryKey: roadmapQuery.key(team, cycle),
      queryFn: async (): Promise<RoadmapForEditing> => {
        const response = await fetch(`/api/roadmap/${encodeURIComponent(team)}/${encodeURIComponent(cycle)}`, {
          credentials: "same-origin",
        });
        if (!response.ok) throw new Error(`Could not load the roadmap (${response.status})`);
        return (await response.json()) as RoadmapForEditing;
      },
    }),
};
