import { MATCH_END, MATCH_START } from "@/lib/dal/views/search";

/**
 * Text with the search engine's match marks shown as <mark>; the text itself stays text. The
 * marks carry no classes: the list they are in styles them once, so a page of results does
 * not repeat the same class names for every matched word.
 */
export function Highlighted({ text }: { text: string }) {
  const parts = text.split(new RegExp(`(${MATCH_START}[^${MATCH_END}]*${MATCH_END})`, "u"));
  return <>{parts.map((part, i) => (part.startsWith(MATCH_START) ? <mark key={i}>{part.slice(1, -1)}</mark> : part))}</>;
}
