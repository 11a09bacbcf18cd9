import { markdownProblem } from "@/lib/markdown-bounds";
import { markdownToHtml } from "@/lib/markdown-render";

/**
 * Rendered Markdown kept by its text, newest use last, up to a number of characters: a
 * page rendered per request (an update and its revisions) parses each text once, not on
 * every view.
 */
const rendered = new Map<string, string>();
const RENDERED_CHARS_LIMIT = 4_000_000;
let renderedChars = 0;

function renderedOnce(text: string): string {
  const kept = rendered.get(text);
  if (kept !== undefined) {
    rendered.delete(text);
    rendered.set(text, kept);
    return kept;
  }
  const html = markdownToHtml(text);
  rendered.set(text, html);
  renderedChars += text.length;
  for (const oldest of rendered.keys()) {
    if (renderedChars <= RENDERED_CHARS_LIMIT) break;
    rendered.delete(oldest);
    renderedChars -= oldest.length;
  }
  return html;
}

/**
 * Renders user-written Markdown safely (lib/markdown-render.ts says how), identically on
 * pages and in the editor's preview. Text the bounds refuse (an older row or an import can
 * hold what validation now refuses) is shown as it was written, as plain text.
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
  // The HTML comes from markdown-it with raw HTML off and links checked: nothing in it can run.
  return <div className={className} dangerouslySetInnerHTML={{ __html: renderedOnce(children) }} />;
}
