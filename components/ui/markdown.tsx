import ReactMarkdown, { defaultUrlTransform } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";
import { markdownProblem } from "@/lib/markdown-bounds";

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
  return (
    <div className={className}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]} urlTransform={defaultUrlTransform}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
