"use server";

import { refresh } from "next/cache";
import { formValues, toActionFailure, type ActionResult } from "@/lib/action-result";
import { getCurrentActor } from "@/lib/dal/actor";
import { publicBaseUrl } from "@/lib/dal/auth";
import { sendReminders } from "@/lib/dal/reminders";
import { markReviewed, replyToReview, requestChanges, resolveReviewComment } from "@/lib/dal/review";
import { mailerFromEnv } from "@/lib/mailer";
import { markReviewedSchema, replySchema, requestChangesSchema, resolveCommentSchema } from "@/lib/validation/review";

// Server actions are public POST endpoints: the data layer checks permission on every call.

export async function markReviewedAction(_state: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData);
  try {
    markReviewed({ actor: await getCurrentActor(), updateId: markReviewedSchema.parse(values).updateId });
    refresh();
    return { ok: true, message: "Marked reviewed." };
  } catch (error) {
    return toActionFailure(error, values);
  }
}

export async function requestChangesAction(_state: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const values = formValues(formData);
  try {
    requestChanges({ actor: await getCurrentActor(), input: requestChangesSchema.parse(values) });
    refresh();
    return { ok: true, message: "Changes requested; the team's leads see your comment." };
  } catch (error) {
    return toActionFailure(error, values);
  }
}

export async function replyToReviewAction(input: unknown): Promise<ActionResult> {
  try {
    replyToReview({ actor: await getCurrentActor(), input: replySchema.parse(input) });
    return { ok: true };
  } catch (error) {
    return toActionFailure(error, {});
  }
}

export async function resolveReviewCommentAction(input: unknown): Promise<ActionResult> {
  try {
    resolveReviewComment({ actor: await getCurrentActor(), commentId: resolveCommentSchema.parse(input).commentId });
    return { ok: true };
  } catch (error) {
    return toActionFailure(error, {});
  }
}

export async function sendRemindersAction(_state: ActionResult | null): Promise<ActionResult> {
  try {
    const { sent, emailed } = await sendReminders({ actor: await getCurrentActor(), now: Date.now(), baseUrl: publicBaseUrl(), sendMail: mailerFromEnv() });
    refresh();
    return { ok: true, message: sent === 0 ? "Nothing to send: every due team has been reminded." : `Sent ${sent} reminder${sent === 1 ? "" : "s"}${emailed > 0 ? `, ${emailed} by email` : ", in the app only (no SMTP_URL set)"}.` };
  } catch (error) {
    return toActionFailure(error, {});
  }
}
