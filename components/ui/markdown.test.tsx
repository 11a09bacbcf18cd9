import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FREEZE_PAYLOADS } from "@/e2e/support/freeze-payloads";
import { processorMs } from "@/lib/testing/processor-time";
import { Markdown } from "./markdown";

const render = (source: string) => renderToStaticMarkup(<Markdown>{source}</Markdown>);

describe("Markdown", () => {
  it("renders lists, emphasis and links", () => {
    const html = render("- **Kernel** 6.6\n- [docs](https://docs.starlingx.io)");
    expect(html).toContain("<strong>Kernel</strong>");
    expect(html).toContain('href="https://docs.starlingx.io"');
  });

  it("shows raw HTML as escaped text and drops script links", () => {
    const html = render("<script>alert(1)</script> [x](javascript:alert(1)) [y](data:text/html,<b>x</b>)");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toMatch(/<(script|a)\b/);
  });

  it("parses a text once: a page viewed again reuses what the first view rendered", () => {
    const text = Array.from({ length: 200 }, (_, i) => `- item ${i} with **bold** and a [link](https://example.org/${i})`).join("\n");
    const htmlOf = (source: string) =>
      (Markdown({ children: source }) as React.ReactElement<{ dangerouslySetInnerHTML: { __html: string } }>).props.dangerouslySetInnerHTML
        .__html;
    const first = htmlOf(text);
    expect(htmlOf(text)).toBe(first);
    expect(htmlOf(`${text}\n- one more`)).not.toBe(first);
  });

  it("renders nothing for an empty section", () => {
    expect(render("  \n ")).toBe("");
  });

  // The budget: no request may hold the event loop for more than about 100 ms.
  for (const [name, payload] of Object.entries(FREEZE_PAYLOADS)) {
    it(`shows the stored ${name} payload as plain text within 100 ms instead of freezing or blanking the page`, () => {
      const html = render(payload);
      expect(processorMs(() => render(payload))).toBeLessThan(100);
      expect(html).toContain('<p class="whitespace-pre-wrap break-words">');
      expect(html).toContain(payload.slice(0, 40).replace(/>/g, "&gt;"));
    });
  }
});
