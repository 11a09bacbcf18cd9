import { queryOptions } from "@tanstack/react-query";
import type { ChangeRequest, ThreadComment } from "@/lib/dal/updates/review";
import type { ReviewReading } from "@/lib/dal/updates/review-reading";
import type { ReviewState } from "@/lib/domain";

export interface ReviewThread {
  updateId: number;
  reviewState: ReviewState;
  canReview: boolean;
  comments: ThreadComment[];
}

async function getJson<T>(url: string): Promise<T | null> {
  const response = await fetch(url, { credentials: "same-origin" });
  // Not theirs to see: the component shows nothing rather than an error.
  if (response.status === 401 || response.status === 403) return null;
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}

/** An update's review thread (GET /api/updates/[id]/review); null for people who may not see it. */
export const reviewThreadQuery = {
  key: (updateId: number) => ["review-thread", updateId] as const,
  options: (updateId: number) =>
    queryOptions({ queryKey: reviewThreadQuery.key(updateId), queryFn: () => getJson<ReviewThread>(`/api/updates/${updateId}/review`) }),
};

/** A team's updates waiting on changes, with what was asked (GET /api/teams/[slug]/change-requests). */
export const changeRequestsQuery = {
  key: (teamSlug: string) => ["change-requests", teamSlug] as const,
  options: (teamSlug: string) =>
    queryOptions({
      queryKey: changeRequestsQuery.key(teamSlug),
      queryFn: () => getJson<ChangeRequest[]>(`/api/teams/${encodeURIComponent(teamSlug)}/change-requests`),
    }),
};

/** An update against its team's last reviewed one (GET /api/updates/[id]/reading), loaded when the queue opens it. */
export const reviewReadingQuery = {
  key: (updateId: number) => ["review-reading", updateId] as const,
  options: (updateId: number) =>
    queryOptions({
      queryKey: reviewReadingQuery.key(updateId),
      queryFn: () => getJson<ReviewReading>(`/api/updates/${updateId}/reading`),
      staleTime: Infinity,
    }),
};
