"use client";

import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useId, useState } from "react";
import { markReviewedAction, requestChangesAction, undoReviewDecisionAction } from "@/app/(signed-in)/review/actions";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button, inputClass } from "@/components/ui/form";
import { HealthBadge } from "@/components/updates/health-badge";
import type { QueueEntry, QueueEntryState, QueueStatus } from "@/lib/dal/updates/review";
import type { ActionResult } from "@/lib/http/action-result";
import { ago } from "@/lib/dates";
import { REVIEW_LIMITS } from "@/lib/validation/review";
import { EntryReading } from "./entry-reading";
import { QUEUE_KEYS } from "./keys";

const STATUS: Record<QueueStatus, { label: string; tone: BadgeTone }> = {
  lead_replied: { label: "Lead replied", tone: "violet" },
  unreviewed: { label: "Waiting for review", tone: "blue" },
  changes_requested: { label: "Changes requested", tone: "amber" },
  reviewed: { label: "Reviewed", tone: "green" },
};

type Outcome = { message: string; error: boolean };

/**
 * One team's entry. Every button names the update it acts on and sends the state shown, so a
 * decision on an update that moved on meanwhile is refused. Decisions change the entry in
 * place: the message and Undo take a line kept free for them, so nothing below moves.
 */
export function QueueEntryCard({ entry, now }: { entry: QueueEntry; now: number }) {
  const id = useId();
  const [state, setState] = useState<QueueEntryState>({ reviewState: entry.reviewState, status: entry.status, canUndo: false });
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [reading, setReading] = useState(false);
  const [comment, setComment] = useState("");
  const named = `${entry.teamName} “${entry.headline}”`;

  const settle = (result: ActionResult<QueueEntryState>) => {
    if (!result.ok)
      return setOutcome({ message: result.fieldErrors.body?.[0] ?? result.fieldErrors.updateId?.[0] ?? result.message, error: true });
    setState({ reviewState: result.reviewState, status: result.status, canUndo: result.canUndo });
    setOutcome({ message: result.message ?? "Saved.", error: false });
  };
  const review = useMutation({ mutationFn: () => markReviewedAction({ updateId: entry.id, seen: state.reviewState }), onSuccess: settle });
  const request = useMutation({
    mutationFn: () => requestChangesAction({ updateId: entry.id, seen: state.reviewState, body: comment }),
    onSuccess: (result) => {
      if (result.ok) setComment("");
      settle(result);
    },
  });
  const undo = useMutation({ mutationFn: () => undoReviewDecisionAction({ updateId: entry.id }), onSuccess: settle });
  const pending = review.isPending || request.isPending || undo.isPending;
  const status = STATUS[state.status];

  return (
    <li>
      <article
        data-entry
        tabIndex={-1}
        aria-labelledby={`${id}-team`}
        className="rounded-xl border border-slate-200 bg-white p-4 outline-none focus:ring-2 focus:ring-accent-600 dark:border-slate-800 dark:bg-slate-900"
      >
        <div className="flex flex-wrap items-center gap-2">
          <h3 id={`${id}-team`} className="font-semibold">
            {entry.teamName}
          </h3>
          <HealthBadge health={entry.health} />
          <Badge tone={status.tone}>{status.label}</Badge>
          {entry.shepherded ? <Badge tone="violet">Your team</Badge> : null}
          {entry.openRequests > 0 ? (
            <Badge tone="amber">
              {entry.openRequests} open request{entry.openRequests === 1 ? "" : "s"}
            </Badge>
          ) : null}
        </div>
        <p className="mt-1 text-sm">
          <Link href={`/updates/${entry.id}`} className="underline">
            {entry.headline}
          </Link>{" "}
          <span className="text-slate-600 dark:text-slate-400">
            · published {ago(entry.publishedAt, now)}
            {entry.earlier > 0 ? ` · +${entry.earlier} earlier ${entry.earlier === 1 ? "update" : "updates"} since the last review` : ""}
          </span>
        </p>
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <Button
            type="button"
            aria-keyshortcuts={QUEUE_KEYS.review}
            disabled={pending || state.reviewState === "reviewed"}
            onClick={() => review.mutate()}
          >
            Mark {named} reviewed
          </Button>
          <Button
            type="button"
            variant="secondary"
            aria-keyshortcuts={QUEUE_KEYS.read}
            aria-expanded={reading}
            aria-controls={`${id}-reading`}
            onClick={() => setReading(!reading)}
          >
            {reading ? "Close" : "Read"} {named}
          </Button>
        </div>
        <div role="status" className="mt-2 flex min-h-10 flex-wrap items-center gap-2 text-sm">
          {outcome ? <span className={outcome.error ? "font-medium text-red-700 dark:text-red-400" : ""}>{outcome.message}</span> : null}
          {state.canUndo ? (
            <Button
              type="button"
              variant="secondary"
              aria-keyshortcuts={QUEUE_KEYS.undo}
              aria-label={`Undo the decision on ${named}`}
              disabled={pending}
              onClick={() => undo.mutate()}
            >
              Undo
            </Button>
          ) : null}
        </div>
        <details className="mt-1">
          <summary className="cursor-pointer text-sm" aria-keyshortcuts={QUEUE_KEYS.requestChanges}>
            Request changes…
          </summary>
          <form
            className="mt-2 space-y-2"
            onSubmit={(event) => {
              event.preventDefault();
              request.mutate();
            }}
          >
            <label htmlFor={`${id}-comment`} className="block text-sm font-medium">
              What should change in {named}
            </label>
            <textarea
              id={`${id}-comment`}
              rows={3}
              value={comment}
              maxLength={REVIEW_LIMITS.comment}
              onChange={(event) => setComment(event.target.value)}
              className={inputClass}
              aria-describedby={`${id}-comment-hint`}
            />
            <p id={`${id}-comment-hint`} className="text-xs text-slate-600 dark:text-slate-400">
              The team&apos;s leads see this at the top of their editor and their team page.
            </p>
            <Button type="submit" variant="secondary" disabled={pending}>
              Request changes to {named}
            </Button>
          </form>
        </details>
        <div id={`${id}-reading`}>{reading ? <EntryReading updateId={entry.id} /> : null}</div>
      </article>
    </li>
  );
}
