/** The check every Markdown field's schema carries: text the renderer would refuse is refused here first. */
import { z } from "./zod";
import { markdownProblem } from "@/lib/markdown-bounds";

export const renderableMarkdown = z.superRefine((text: string, ctx) => {
  const problem = markdownProblem(text);
  if (problem) ctx.addIssue({ code: "custom", message: problem, input: text });
});
