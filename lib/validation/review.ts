/** zod schemas for reviewing updates and the comment thread. */
import { renderableMarkdown } from "./markdown";
import { z } from "./zod";

export const REVIEW_LIMITS = { comment: 5_000 } as const;

const body = z
  .string()
  .trim()
  .min(1, { error: "Write the comment first" })
  .max(REVIEW_LIMITS.comment, { error: `Keep comments under ${REVIEW_LIMITS.comment.toLocaleString("en-US")} characters` })
  .check(renderableMarkdown);

export const requestChangesSchema = z.object({ updateId: z.coerce.number().int().positive(), body });
export const replySchema = z.object({
  updateId: z.coerce.number().int().positive(),
  replyToId: z.coerce.number().int().positive().nullable(),
  body,
  /** A note among release managers; the team's leads never see it. */
  releaseManagersOnly: z.boolean().default(false),
});
export const resolveCommentSchema = z.object({ commentId: z.coerce.number().int().positive() });
export const markReviewedSchema = z.object({ updateId: z.coerce.number().int().positive() });

export type RequestChangesInput = z.infer<typeof requestChangesSchema>;
export type ReplyInput = z.infer<typeof replySchema>;
