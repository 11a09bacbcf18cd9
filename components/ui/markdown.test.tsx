import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "./markdown";

const render = (source: string) => renderToStaticMarkup(<Markdown>{source}</Markdown>);

describe("Markdown", () => {
  it("renders lists, emphasis and links", () => {
    const html = render("- **Kernel** 6.6\n- [docs](https://docs.starlingx.io)");
    expect(html).toContain("<strong>Kernel</strong>");
    expect(html).toContain('href="https://docs.starlingx.io"');
  });

  it("never lets script through", () => {
    const html = render(
      '<script>alert(1)</script> <img src=x onerror="alert(1)"> [x](javascript:alert(1)) [y](data:text/html,<script>alert(1)</script>) <a href="javascript:alert(1)">z</a>',
    );
    expect(html).not.toMatch(/<script|<img|onerror=|href="javascript:|href="data:|<a href="javascript/i);
  });

  it("renders nothing for an empty section", () => {
    expect(render("  \n ")).toBe("");
  });
});
