import type { Page } from "@playwright/test";
import { EditorPage } from "./support/editor-page";
import { expect, test } from "./support/fixtures";
import { XSS_PAYLOADS } from "./support/xss-payloads";

const SECTIONS = ["Summary", "Done", "In progress", "Planned", "Risks", "Help wanted"] as const;

/**
 * Nothing the payloads could have injected: no event handler or script URL anywhere on the
 * page, and inside rendered Markdown none of the elements that can run or hide code.
 */
async function expectInert(page: Page) {
  const found = await page.evaluate(() => {
    const problems: string[] = [];
    for (const el of document.querySelectorAll("body *")) {
      for (const attr of el.getAttributeNames()) if (attr.startsWith("on")) problems.push(`${el.tagName} has ${attr}`);
      for (const attr of ["href", "src", "action", "data", "formaction"]) {
        const value = el.getAttribute(attr);
        // React marks forms bound to server actions with this inert placeholder.
        const reactPlaceholder = value?.startsWith("javascript:throw new Error('A React form was unexpectedly submitted.");
        if (value && !reactPlaceholder && /^\s*(javascript|data|vbscript):/i.test(value)) problems.push(`${el.tagName} ${attr}=${value}`);
      }
    }
    const rendered = document.querySelectorAll(".prose-update *");
    for (const el of rendered) {
      if (
        [
          "SCRIPT",
          "IFRAME",
          "OBJECT",
          "EMBED",
          "BASE",
          "META",
          "STYLE",
          "FORM",
          "INPUT",
          "BUTTON",
          "VIDEO",
          "SOURCE",
          "MARQUEE",
          "MATH",
          "SVG",
          "svg",
          "BODY",
          "DETAILS",
        ].includes(el.tagName)
      ) {
        problems.push(`injected ${el.tagName}`);
      }
    }
    if (document.querySelectorAll(".prose-update").length === 0) problems.push("no rendered Markdown found");
    return problems;
  });
  expect(found).toEqual([]);
}

test("script in every Markdown field of an update stays inert, in the editor and on every page that shows it", async ({
  ownTeam,
  ownCycle,
  ownLead,
  pageOf,
}) => {
  const page = await pageOf(ownLead);
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  const corpus = XSS_PAYLOADS.join("\n\n");
  expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(30);

  const editor = await EditorPage.startBlank(page, ownTeam.slug, ownCycle.slug);
  await editor.headline.fill('<img src=x onerror=alert(1)> Release notes "><script>alert(1)</script>');
  for (const section of SECTIONS) await editor.section(section).fill(`${section} check\n\n${corpus}`);
  await expect(page.getByRole("complementary", { name: "Preview" })).toContainText("Help wanted check");
  await editor.publish();
  const updatePath = `/updates/${editor.id}`;

  for (const path of [updatePath, `/teams/${ownTeam.slug}`, `/cycles/${ownCycle.slug}/report`]) {
    await page.goto(path);
    await expect(page.getByRole("main")).toBeVisible();
    await expectInert(page);
  }
  await page.goto(updatePath);
  for (const section of SECTIONS) await expect(page.getByText(`${section} check`)).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Release notes");
  expect(dialogs).toEqual([]);
});
