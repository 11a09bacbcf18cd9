"use server";

import { refresh } from "next/cache";
import { publicBaseUrl } from "@/lib/dal/identity/auth";
import { sendReminders } from "@/lib/dal/notifications/reminders";
import { markReviewed, replyToReview, requestChanges, resolveReviewComment } from "@/lib/dal/updates/review";
import { mailerFromEnv } from "@/lib/mailer";
import { formAction, inputAction } from "@/lib/http/server-action";
import { markReviewedSchema, replySchema, requestChangesSchema, resolveCommentSchema } from "@/lib/validation/review";
import { z } from "@/lib/validation/zod";

export const markReviewedAction = formAction(markReviewedSchema, ({ actor, input }) => {
  markReviewed({ actor, updateId: input.updateId });
  refresh();
  return { message: "Marked reviewed." };
});

export const requestChangesAction = formAction(requestChangesSchema, ({ actor, input }) => {
  requestChanges({ actor, input });
  refresh();
  return { message: "Changes requested; the team's leads see your comment." };
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
