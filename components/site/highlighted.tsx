import { MATCH_END, MATCH_START } from "@/lib/dal/views/search";

/** Text with the search engine's match marks shown as <mark>; the text itself stays text. */
export function Highlighted({ text }: { text: string }) {
  const parts = text.split(new RegExp(`(${MATCH_START}[^${MATCH_END}]*${MATCH_END})`, "u"));
  return (
    <>
      {parts.map((part, i) =>
        part.startsWith(MATCH_START) ? (
          <mark key={i} className="rounded bg-amber-200 px-0.5 text-slate-900 dark:bg-amber-700 dark:text-white">
            {part.slice(1, -1)}
          </mark>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </>
  );
}
