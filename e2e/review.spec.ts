import { expect, test } from "@playwright/test";
import { ACCOUNTS } from "./support/accounts";
import { submit } from "./support/forms";
import { signIn } from "./support/sign-in";

test("the release manager requests changes on the Containers update; the lead answers and resolves; the release manager marks it reviewed", async ({
  browser,
}) => {
  const rmContext = await browser.newContext();
  const rm = await rmContext.newPage();
  await signIn(rm, ACCOUNTS.releaseManager);
  await rm.getByRole("link", { name: "Review", exact: true }).click();
  await expect(rm.getByRole("heading", { name: "Review queue · 10.0" })).toBeVisible();
  const waiting = rm.getByRole("region", { name: /Waiting for review/ });
  const containers = waiting.getByRole("listitem").filter({ hasText: "Containers" });
  await expect(containers.getByText("Your team")).toBeVisible();
  await containers.getByText("Request changes…").click();
  await containers.getByLabel("What should change").fill("Please list the Kubernetes versions you test upgrades against.");
  await submit(rm, containers.getByRole("button", { name: "Request changes from Containers" }));
  await expect(
    rm
      .getByRole("region", { name: /Changes requested/ })
      .getByRole("listitem")
      .filter({ hasText: "Containers" }),
  ).toContainText("1 open request");

  const leadContext = await browser.newContext();
  const lead = await leadContext.newPage();
  await signIn(lead, ACCOUNTS.containersLead);
  await lead.goto("/teams/containers");
  await lead.getByRole("status").filter({ hasText: "Changes requested on" }).getByRole("link").click();
  await expect(lead).toHaveURL(/\/updates\/\d+\/edit$/);
  const thread = lead.getByRole("region", { name: /^Review/ });
  await expect(thread).toContainText("Please list the Kubernetes versions you test upgrades against.");
  await thread.getByLabel("Reply").fill("Added: upgrades are tested from 1.24 through 1.29.");
  await thread.getByRole("button", { name: "Post reply" }).click();
  await expect(thread).toContainText("Added: upgrades are tested from 1.24 through 1.29.");
  await thread.getByRole("button", { name: "Mark resolved" }).click();
  await expect(thread.getByRole("button", { name: "Mark resolved" })).toHaveCount(0);
  await expect(thread).toContainText("resolved");

  await rm.reload();
  const requested = rm
    .getByRole("region", { name: /Changes requested/ })
    .getByRole("listitem")
    .filter({ hasText: "Containers" });
  await expect(requested).not.toContainText("open request");
  await submit(rm, requested.getByRole("button", { name: "Mark Containers reviewed" }));
  await expect(
    rm
      .getByRole("region", { name: /Changes requested/ })
      .getByRole("listitem")
      .filter({ hasText: "Containers" }),
  ).toHaveCount(0);
  await expect(
    rm
      .getByRole("region", { name: /Waiting for review/ })
      .getByRole("listitem")
      .filter({ hasText: "Containers" }),
  ).toHaveCount(0);
  await leadContext.close();
  await rmContext.close();
});

test("a team lead cannot open the review queue", async ({ page }) => {
  await signIn(page, ACCOUNTS.docsLead);
  await page.goto("/review");
  await expect(page.getByRole("heading", { name: "Not available to you" })).toBeVisible();
});
