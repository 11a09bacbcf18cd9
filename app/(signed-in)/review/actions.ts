"use server";

import { refresh } from "next/cache";
import { publicBaseUrl } from "@/lib/dal/identity/auth";
import { sendReminders } from "@/lib/dal/notifications/reminders";
import {
  askForAnotherLook,
  markReviewed,
  replyToReview,
  requestChanges,
  resolveReviewComment,
  undoReviewDecision,
} from "@/lib/dal/updates/review";
import { mailerFromEnv } from "@/lib/mailer";
import { formAction, inputAction } from "@/lib/http/server-action";
import {
  anotherLookSchema,
  markReviewedSchema,
  replySchema,
  requestChangesSchema,
  resolveCommentSchema,
  undoDecisionSchema,
} from "@/lib/validation/review";
import { z } from "@/lib/validation/zod";

// The queue updates its entry in place from these answers: no refresh, so nothing moves under the pointer.
export const markReviewedAction = inputAction(markReviewedSchema, ({ actor, input }) => ({
  ...markReviewed({ actor, input }),
  message: "Marked reviewed.",
}));

export const requestChangesAction = inputAction(requestChangesSchema, ({ actor, input }) => ({
  ...requestChanges({ actor, input }),
  message: "Changes requested; the team's leads see your comment.",
}));

export const undoReviewDecisionAction = inputAction(undoDecisionSchema, ({ actor, input }) => ({
  ...undoReviewDecision({ actor, input }),
  message: "Undone.",
}));

export const askForAnotherLookAction = inputAction(anotherLookSchema, ({ actor, input }) => {
  askForAnotherLook({ actor, input });
  return { message: "Asked: the release managers see that you replied." };
});

export const replyToReviewAction = inputAction(replySchema, ({ actor, input }) => {
  replyToReview({ actor, input });
  return {};
});

export const resolveReviewCommentAction = inputAction(resolveCommentSchema, ({ actor, input }) => {
  resolveReviewComment({ actor, commentId: input.commentId });
  return {};
});

export const sendRemindersAction = formAction(z.object({}), async ({ actor }) => {
  const { sent, emailed } = await sendReminders({ actor, now: Date.now(), baseUrl: publicBaseUrl(), sendMail: mailerFromEnv() });
  refresh();
  return {
    message:
      sent === 0
        ? "Nothing to send: every due team has been reminded."
        : `Sent ${sent} reminder${sent === 1 ? "" : "s"}${emailed > 0 ? `, ${emailed} by email` : ", in the app only (no SMTP_URL set)"}.`,
  };
});
