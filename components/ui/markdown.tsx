import type { ReactElement } from "react";
import renderMarkdown, { defaultUrlTransform } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { markdownProblem } from "@/lib/markdown-bounds";

/**
 * Rendered Markdown kept by its text, newest use last, up to a number of characters: a
 * page rendered per request (an update and its revisions) parses each text once, not on
 * every view, so repeated views cannot hold the server.
 */
const rendered = new Map<string, ReactElement>();
const RENDERED_CHARS_LIMIT = 4_000_000;
let renderedChars = 0;

function renderedOnce(text: string): ReactElement {
  const kept = rendered.get(text);
  if (kept) {
    rendered.delete(text);
    rendered.set(text, kept);
    return kept;
  }
  const element = renderMarkdown({ children: text, remarkPlugins: [remarkGfm], rehypePlugins: [rehypeSanitize], urlTransform: defaultUrlTransform });
  rendered.set(text, element);
  renderedChars += text.length;
  for (const oldest of rendered.keys()) {
    if (renderedChars <= RENDERED_CHARS_LIMIT) break;
    rendered.delete(oldest);
    renderedChars -= oldest.length;
  }
  return element;
}

/**
 * Renders user-written Markdown safely: raw HTML is never parsed (react-markdown's
 * default), links keep only http(s)/mailto/relative URLs, and rehype-sanitize's GitHub
 * schema strips anything else that could carry script. Used identically by pages and the
 * editor's preview. Text the parser would take seconds over (an older row or an import
 * can hold what validation now refuses) is shown as it was written, as plain text.
 */
export function Markdown({ children, className = "prose-update" }: { children: string; className?: string }) {
  if (!children.trim()) return null;
  if (markdownProblem(children)) {
    return (
      <div className={className}>
        <p className="whitespace-pre-wrap break-words">{children}</p>
      </div>
    );
  }
  return <div className={className}>{renderedOnce(children)}</div>;
}
