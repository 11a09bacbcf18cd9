/**
 * What Markdown the app will render. A CommonMark parser's time grows with the square of
 * a few things inside one paragraph — emphasis and strike-through delimiters, `[` — with
 * the depth of quote or list nesting opened on one line, and with the number of items of
 * nested lists in the whole text; a table pays for every cell a row holds. One linear
 * scan bounds each of them, so that the longest text of any shape a field takes renders
 * in tens of milliseconds (lib/markdown-render.test.ts holds each shape to 100 ms). Validation refuses text that fails it
 * (lib/validation/markdown.ts) and the renderer shows such text, when an older row or
 * an import holds it, as plain text (components/ui/markdown.tsx): this is the one rule.
 * The figures behind each limit are in the commit that set them.
 */
export const MARKDOWN_LIMITS = {
  /** The longest Markdown field (update sections, topic notes). */
  length: 20_000,
  /** Quote and list markers that open on one line. */
  depth: 8,
  /** Items of lists inside lists times the text's length: each such item costs a walk over the text. */
  nestedItemsTimesLength: 3_000_000,
  /** `*`, `_` and `~` characters in one paragraph, list item or table row. */
  delimiters: 500,
  /** Characters in one run of `*`, `_` or `~`: each pair in a run nests once more. */
  delimiterRun: 50,
  /** `[` in one paragraph, list item or table row. */
  brackets: 300,
  /** Columns of a table: `|` on one line, less one (a row pays for every cell it holds, used or not). */
  columns: 50,
} as const;

const L = MARKDOWN_LIMITS;

const isSpace = (c: string | undefined) => c === " " || c === "\t";
const isDigit = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * The quote and list markers that open the line, and how many of them are list items
 * inside a list (after another item's marker, or indented). Over-counting is fine: it
 * only refuses sooner.
 */
function openingMarkers(line: string): { depth: number; nestedItems: number } {
  let depth = 0;
  let items = 0;
  let indented = false;
  let i = 0;
  for (;;) {
    const start = i;
    while (isSpace(line[i])) i++;
    if (i - start >= 2 || line[start] === "\t") indented = true;
    const c = line[i];
    if (c === ">") {
      i++;
    } else if ((c === "-" || c === "+" || c === "*") && (isSpace(line[i + 1]) || i + 1 === line.length)) {
      i++;
      items++;
    } else if (isDigit(c)) {
      let j = i;
      while (isDigit(line[j]) && j - i < 9) j++;
      if ((line[j] !== "." && line[j] !== ")") || !(isSpace(line[j + 1]) || j + 1 === line.length)) break;
      i = j + 1;
      items++;
    } else {
      break;
    }
    depth++;
  }
  return { depth, nestedItems: Math.max(0, items - 1) + (items > 0 && indented ? 1 : 0) };
}

/**
 * A line that always starts a new paragraph or list item, so delimiters before it never
 * meet delimiters after it: a bullet item with text (it may interrupt a paragraph), or a
 * heading. Numbered items other than "1." may continue a paragraph, so they do not count.
 */
const STARTS_BLOCK = /^ {0,3}(?:[-+*]|1[.)]|#{1,6})[ \t]+\S/;

/**
 * A code fence that opens at the very start of a line: nothing can hold it open past a
 * container's end, so the lines up to its closing fence are code, which is not parsed.
 */
const OPENS_FENCE = /^(`{3,})[^`]*$|^(~{3,})/;

/** Closes a fence opened by `fence`, read at least as loosely as the parser does. */
const closesFence = (line: string, fence: string) => line.trimStart().startsWith(fence);

/**
 * Each cell of a table is parsed on its own, so its rows count one by one, but only for a
 * table that surely is one: at the start of a block, and the header and delimiter rows
 * framed by pipes with as many cells, with no escape or code span to shift them. Its rows
 * are the lines that follow starting with a pipe (nothing else can start such a line).
 */
const DELIMITER_ROW = /^\|(?: *:?-+:? *\|)+$/;

const pipes = (line: string) => line.split("|").length - 1;

const opensTable = (header: string | undefined, row: string, beforeHeader: string | undefined) =>
  header !== undefined &&
  !beforeHeader?.trim() &&
  header.startsWith("|") &&
  header.trimEnd().endsWith("|") &&
  !/[\\`]/.test(header) &&
  DELIMITER_ROW.test(row) &&
  pipes(header) === pipes(row);

/** Why `text` is not rendered as Markdown, in words for the person who wrote it; null when it is fine. */
export function markdownProblem(text: string): string | null {
  if (text.length > L.length) return `Keep it under ${L.length.toLocaleString("en-US")} characters`;
  let delimiters = 0;
  let brackets = 0;
  let nestedItems = 0;
  let fence: string | null = null;
  let table = false;
  const lines = text.split(/\r\n|\r|\n/);
  for (const [n, line] of lines.entries()) {
    if (fence) {
      if (closesFence(line, fence)) fence = null;
      continue;
    }
    const opening = OPENS_FENCE.exec(line);
    if (opening) {
      fence = opening[1] ?? opening[2]!;
      continue;
    }
    table = table ? line.startsWith("|") : opensTable(lines[n - 1], line, lines[n - 2]);
    if (!line.trim() || STARTS_BLOCK.test(line) || table) {
      delimiters = 0;
      brackets = 0;
    }
    const markers = openingMarkers(line);
    if (markers.depth > L.depth) return `Nest quotes and lists at most ${L.depth} deep`;
    nestedItems += markers.nestedItems;
    if (nestedItems * text.length > L.nestedItemsTimesLength) {
      return `Use at most ${Math.floor(L.nestedItemsTimesLength / text.length)} items in nested lists in a text this long`;
    }
    if (pipes(line) > L.columns + 1) return `Keep tables to at most ${L.columns} columns`;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (c === "\\") {
        i++;
      } else if (c === "[") {
        if (++brackets > L.brackets)
          return `Use at most ${L.brackets} “[” in one paragraph, list item or table row (a blank line starts a new paragraph)`;
      } else if (c === "*" || c === "_" || c === "~") {
        let end = i;
        while (line[end + 1] === c) end++;
        const run = end - i + 1;
        if (run > L.delimiterRun) return `Use at most ${L.delimiterRun} “${c}” in a row`;
        // An underscore inside a word (snake_case) can neither open nor close emphasis.
        if (!(c === "_" && isWordChar(line[i - 1]) && isWordChar(line[end + 1]))) delimiters += run;
        if (delimiters > L.delimiters) {
          return `Use at most ${L.delimiters} “*”, “_” or “~” in one paragraph, list item or table row (a blank line starts a new paragraph)`;
        }
        i = end;
      }
    }
  }
  return null;
}
