import ReactMarkdown, { defaultUrlTransform } from "react-markdown";
import rehypeSanitize from "rehype-sanitize";
import remarkGfm from "remark-gfm";

/**
 * Renders user-written Markdown safely: raw HTML is never parsed (react-markdown's
 * default), links keep only http(s)/mailto/relative URLs, and rehype-sanitize's GitHub
 * schema strips anything else that could carry script. Used identically by pages and the
 * editor's preview.
 */
export function Markdown({ children, className = "prose-update" }: { children: string; className?: string }) {
  if (!children.trim()) return null;
  return (
    <div className={className}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeSanitize]} urlTransform={defaultUrlTransform}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
