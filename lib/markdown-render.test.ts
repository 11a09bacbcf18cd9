import { createRequire } from "node:module";
import { beforeAll, describe, expect, it } from "vitest";
import { MARKDOWN_LIMITS, markdownProblem } from "./markdown-bounds";
import { markdownToHtml } from "./markdown-render";
import { processorMs } from "./testing/processor-time";

interface HtmlParser {
  onopentag: (tag: { name: string; attributes: Record<string, string> }) => void;
  write(html: string): { close(): void };
}
const sax = createRequire(import.meta.url)("sax") as { parser(strict: false, options: { lowercase: true }): HtmlParser };

/** The elements of rendered HTML with their attributes, as a browser would read them. */
function elementsOf(html: string) {
  const elements: { name: string; attributes: Record<string, string> }[] = [];
  const parser = sax.parser(false, { lowercase: true });
  parser.onopentag = ({ name, attributes }) => elements.push({ name, attributes });
  parser.write(`<body>${html}</body>`).close();
  return elements.slice(1);
}

const urlsOf = (html: string) =>
  elementsOf(html).flatMap(({ attributes }) => [attributes.href, attributes.src].filter((url) => url !== undefined));

describe("markdownToHtml", () => {
  it("renders GitHub-flavoured tables, strike-through and bare links", () => {
    const html = markdownToHtml("| Team | Done |\n|---|--:|\n| Test | 4 |\n\n~~dropped~~ see https://starlingx.io");
    expect(html).toContain("<table>");
    expect(html).toContain('<td style="text-align:right">4</td>');
    expect(html).toContain("<s>dropped</s>");
    expect(html).toContain('<a href="https://starlingx.io" rel="nofollow ugc">https://starlingx.io</a>');
  });

  it("keeps http(s), mailto and relative links and drops every other scheme", () => {
    const html = markdownToHtml(
      "[a](https://x.org) [b](mailto:lead@x.org) [c](/teams/test) [d](#risks) [e](javascript:alert(1)) [f](JaVaScRiPt:alert(1)) [g](&#106;avascript:alert(1)) [h](data:text/html,x) [i](vbscript:x) [j](file:///etc/passwd) ![k](data:image/png;base64,AAAA) ![l](https://x.org/chart.png)",
    );
    expect(urlsOf(html)).toEqual(["https://x.org", "mailto:lead@x.org", "/teams/test", "#risks", "https://x.org/chart.png"]);
  });

  it("shows raw HTML as the text it is, never as markup", () => {
    const html = markdownToHtml('<script>alert(1)</script>\n\n<img src=x onerror="alert(1)"> <a href="javascript:alert(1)">z</a>');
    expect(elementsOf(html).map(({ name }) => name)).toEqual(["p", "p"]);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  it("escapes what it writes into attributes, so no text can add one", () => {
    const html = markdownToHtml('[x](https://x.org "a\\" onmouseover=\\"alert(1)")\n\n```js" onload="x\ncode\n```');
    const attributes = elementsOf(html).flatMap((element) => Object.keys(element.attributes));
    expect(attributes.sort()).toEqual(["class", "href", "rel", "title"]);
  });
});

/** Each shape the bounds let grow most, as long as a field takes (lib/markdown-bounds.ts). */
function longestAccepted(): Record<string, string> {
  const { length, columns, delimiters, brackets, depth } = MARKDOWN_LIMITS;
  const fill = (unit: (i: number) => string) => {
    let text = "";
    for (let i = 0; ; i++) {
      const next = unit(i);
      if (text.length + next.length > length) return text;
      text += next;
    }
  };
  const row = (cell: string) => `|${Array.from({ length: columns }, () => cell).join("|")}|\n`;
  return {
    prose: fill((i) => (i % 80 === 79 ? "word.\n\n" : "word ")),
    flatList: fill((i) => `- item ${i} with **bold** and [a link](https://example.org/${i})\n`),
    wideTable: row(" h ") + row("---") + fill(() => row("*a*")).slice(0, length - 2 * row("---").length),
    emphasis: fill((i) => ((i + 1) % (delimiters / 2) === 0 ? "*a*\n\n" : "*a* ")),
    brackets: fill((i) => ((i + 1) % brackets === 0 ? "[a]\n\n" : "[a] ")),
    nestedLists: fill((i) => (i % 2 === 0 ? `- top item ${i} ${"with words ".repeat(8)}\n` : "  - a nested item with some words in it\n")),
    deepQuotes: fill((i) => `${"> ".repeat(depth)}line ${i}\n`),
    bareLinks: fill((i) => `https://example.org/${i} `),
    codeSpans: fill((i) => `\`code ${i}\` `),
  };
}

describe("the render budget: no accepted text may hold the event loop (issue 12)", () => {
  const shapes = Object.entries(longestAccepted());
  // A running server has rendered some of every kind already: the first calls pay for compiling the parser.
  beforeAll(() => shapes.forEach(([, text]) => Array.from({ length: 5 }, () => markdownToHtml(text.slice(0, 4_000)))));
  for (const [shape, text] of shapes) {
    it(`renders the longest accepted ${shape} within 100 ms`, () => {
      expect(markdownProblem(text)).toBeNull();
      expect(text.length).toBeGreaterThan(MARKDOWN_LIMITS.length * 0.9);
      // Each run renders a different text, so nothing is reused.
      expect(processorMs((i) => markdownToHtml(text.slice(i)))).toBeLessThan(100);
    });
  }
});
