import { queryOptions } from "@tanstack/react-query";
import type { SessionInfo } from "@/lib/session-info";

/** Who is signed in, from GET /api/session: pages stay cacheable because they never ask on the server. */
export const sessionQuery = {
  key: () => ["session"] as const,
  options: () =>
    queryOptions({
      queryKey: sessionQuery.key(),
      queryFn: async (): Promise<SessionInfo> => {
        const response = await fetch("/api/session", { credentials: "same-origin" });
        if (!response.ok) throw new Error(`Session check failed (${response.status})`);
        return (await response.json()) as SessionInfo;
      },
    }),
};
