"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { replyToReviewAction, resolveReviewCommentAction } from "@/app/(signed-in)/review/actions";
import { Markdown } from "@/components/ui/markdown";
import { Button, inputClass } from "@/components/ui/form";
import { reviewThreadQuery } from "@/lib/query/review";
import { sessionQuery } from "@/lib/query/session";
import { REVIEW_LIMITS } from "@/lib/validation/review";

const STATE_LABEL = { unreviewed: "Waiting for review", reviewed: "Reviewed", changes_requested: "Changes requested" } as const;

/**
 * The review conversation on an update, for its team's leads and the release managers.
 * Everyone else gets nothing: the thread endpoint refuses them.
 */
export function ReviewThread({ updateId }: { updateId: number }) {
  const queryClient = useQueryClient();
  const { data: session } = useQuery(sessionQuery.options());
  const { data } = useQuery({ ...reviewThreadQuery.options(updateId), enabled: session?.signedIn === true });
  const [body, setBody] = useState("");
  const [managersOnly, setManagersOnly] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refetch = () => queryClient.invalidateQueries({ queryKey: reviewThreadQuery.key(updateId) });

  const reply = useMutation({
    mutationFn: () => replyToReviewAction({ updateId, replyToId: null, body, releaseManagersOnly: managersOnly }),
    onSuccess: (result) => {
      if (result.ok) setBody("");
      setError(result.ok ? null : (result.fieldErrors.body?.[0] ?? result.message));
      void refetch();
    },
  });
  const resolve = useMutation({
    mutationFn: (commentId: number) => resolveReviewCommentAction({ commentId }),
    onSuccess: (result) => {
      setError(result.ok ? null : result.message);
      void refetch();
    },
  });

  if (!data) return null;
  return (
    <section
      aria-labelledby={`review-${updateId}`}
      className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900"
    >
      <h2 id={`review-${updateId}`} className="text-lg font-semibold">
        Review <span className="text-sm font-normal text-slate-600 dark:text-slate-400">· {STATE_LABEL[data.reviewState]}</span>
      </h2>
      {data.comments.length === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">No comments yet.</p> : null}
      <ol className="space-y-3">
        {data.comments.map((c) => (
          <li
            key={c.id}
            aria-label={`Comment by ${c.author ?? "someone"}`}
            className={`rounded-lg border p-3 text-sm ${c.requestsChanges && !c.resolved ? "border-amber-400 bg-amber-50 dark:border-amber-700 dark:bg-amber-950" : "border-slate-200 dark:border-slate-700"}`}
          >
            <p className="mb-1 text-xs text-slate-600 dark:text-slate-400">
              {c.author ?? "Someone"} · {new Date(c.createdAt).toLocaleString()}
              {c.requestsChanges ? " · requested changes" : ""}
              {c.releaseManagersOnly ? " · release managers only" : ""}
              {c.resolved ? " · resolved" : ""}
            </p>
            <Markdown>{c.body}</Markdown>
            {c.requestsChanges && !c.resolved ? (
              <Button type="button" variant="secondary" className="mt-2" disabled={resolve.isPending} onClick={() => resolve.mutate(c.id)}>
                Mark resolved
              </Button>
            ) : null}
          </li>
        ))}
      </ol>
      <form
        className="space-y-2"
        onSubmit={(e) => {
          e.preventDefault();
          reply.mutate();
        }}
      >
        <label htmlFor={`reply-${updateId}`} className="block text-sm font-medium">
          Reply
        </label>
        <textarea
          id={`reply-${updateId}`}
          rows={3}
          value={body}
          maxLength={REVIEW_LIMITS.comment}
          onChange={(e) => setBody(e.target.value)}
          className={inputClass}
        />
        {data.canReview ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={managersOnly} onChange={(e) => setManagersOnly(e.target.checked)} />
            Only for release managers
          </label>
        ) : null}
        {error ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        ) : null}
        <Button type="submit" disabled={reply.isPending}>
          Post reply
        </Button>
      </form>
    </section>
  );
}
