/** zod schemas for reviewing updates and the comment thread. */
import { REVIEW_STATE } from "@/lib/domain";
import { renderableMarkdown } from "./markdown";
import { z } from "./zod";

export const REVIEW_LIMITS = { comment: 5_000 } as const;

const body = z
  .string()
  .trim()
  .min(1, { error: "Write the comment first" })
  .max(REVIEW_LIMITS.comment, { error: `Keep comments under ${REVIEW_LIMITS.comment.toLocaleString("en-US")} characters` })
  .check(renderableMarkdown);

const updateId = z.coerce.number().int().positive();
/** The review state the reviewer saw: a decision on an update that has moved on since is refused. */
const seen = z.enum(REVIEW_STATE, { error: "Reload the queue: which state the update was in is missing" });

export const requestChangesSchema = z.object({ updateId, seen, body });
export const replySchema = z.object({
  updateId: z.coerce.number().int().positive(),
  replyToId: z.coerce.number().int().positive().nullable(),
  body,
  /** A note among release managers; the team's leads never see it. */
  releaseManagersOnly: z.boolean().default(false),
});
export const resolveCommentSchema = z.object({ commentId: z.coerce.number().int().positive() });
export const markReviewedSchema = z.object({ updateId, seen });
export const undoDecisionSchema = z.object({ updateId });
export const anotherLookSchema = z.object({ updateId });

export type RequestChangesInput = z.infer<typeof requestChangesSchema>;
export type ReplyInput = z.infer<typeof replySchema>;
export type MarkReviewedInput = z.infer<typeof markReviewedSchema>;
export type UndoDecisionInput = z.infer<typeof undoDecisionSchema>;
export type AnotherLookInput = z.infer<typeof anotherLookSchema>;
