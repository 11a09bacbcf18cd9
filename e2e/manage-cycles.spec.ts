import { expect, test } from "./support/fixtures";
import { submit } from "./support/forms";

test("a release manager starts a cycle from 10.0's milestones and records a community topic", async ({ pageAs, unique }) => {
  const name = `12.${unique}`;
  const heading = new RegExp(name.replace(".", "\\."));
  const page = await pageAs("releaseManager");
  await page.goto("/");
  // The admin links join the public "Cycles" once the account menu has read the session.
  await expect(page.getByRole("link", { name: "Cycles", exact: true })).toHaveCount(2);
  await page.getByRole("link", { name: "Cycles", exact: true }).last().click();
  await page.waitForURL(/\/admin\/cycles$/);
  const create = page.locator("form", { has: page.getByRole("button", { name: "Create cycle" }) });
  await create.getByLabel("Name").fill(name);
  await create.getByLabel("Starts on").fill("2025-04-01");
  await create.getByLabel("Release planned on").fill("2024-01-01");
  await submit(page, create.getByRole("button", { name: "Create cycle" }));
  await expect(create.getByText("The release cannot come before the start")).toBeVisible();
  await expect(create.getByLabel("Name")).toHaveValue(name);
  await create.getByLabel("Release planned on").fill("2025-09-30");
  await create.getByLabel("Copy milestones from").selectOption("10.0");
  await submit(page, create.getByRole("button", { name: "Create cycle" }));
  await expect(create.getByRole("status")).toHaveText(`Created ${name}.`);

  const card = page.locator("section", { has: page.getByRole("heading", { name: heading }) });
  await card.getByText("Community topics (0)").click();
  await card.getByLabel("Topic").fill("Release naming");
  await card.getByLabel("Notes").fill("Should releases get code names?");
  await card.getByLabel("Action items").fill("Collect proposals — Release team");
  await submit(page, card.getByRole("button", { name: "Add topic" }));
  await expect(card.getByRole("status")).toHaveText('Added "Release naming".');

  await page.reload();
  const reloaded = page.locator("section", { has: page.getByRole("heading", { name: heading }) });
  await reloaded.getByText("Community topics (1)").click();
  await reloaded.getByText("Release naming · no decision yet").click();
  const topicForm = reloaded.locator("form", { has: page.getByRole("button", { name: "Save Release naming" }) });
  await topicForm.getByLabel("Outcome").selectOption("decision");
  await submit(page, topicForm.getByRole("button", { name: "Save Release naming" }));
  await expect(topicForm.getByText("Write down the decision")).toBeVisible();
  await topicForm.getByLabel("Decision").fill("Releases keep their numbers only.");
  await submit(page, topicForm.getByRole("button", { name: "Save Release naming" }));
  await expect(topicForm.getByRole("status")).toHaveText("Topic saved.");

  await reloaded.getByText("Gatherings (0)").click();
  const gatheringForm = reloaded.locator("form", { has: page.getByRole("button", { name: "Add gathering" }) });
  await gatheringForm.getByLabel("Gathering").fill("April 2025 virtual PTG");
  await gatheringForm.getByLabel("Slug").fill(`ptg-${unique}`);
  await gatheringForm.getByLabel("From").fill("2025-04-07");
  await gatheringForm.getByLabel("To").fill("2025-04-11");
  await gatheringForm.getByLabel("Etherpad").fill("not a link");
  await submit(page, gatheringForm.getByRole("button", { name: "Add gathering" }));
  await expect(gatheringForm.getByText("Enter a full http(s) address")).toBeVisible();
  await gatheringForm.getByLabel("Etherpad").fill("https://etherpad.opendev.org/p/ptg-2025-04");
  await submit(page, gatheringForm.getByRole("button", { name: "Add gathering" }));
  await expect(gatheringForm.getByRole("status")).toHaveText("Added April 2025 virtual PTG.");

  await page.goto(`/cycles/${name}`);
  await expect(page.getByText("April 2025 virtual PTG")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
  await expect(page.getByRole("list", { name: "Milestones" })).toContainText("Feature freeze · due 15 Aug 2025");
  await expect(page.getByRole("region", { name: "Community topics" })).toContainText("Collect proposals");
  await expect(page.getByRole("region", { name: "Community topics" })).toContainText("Outcome: Releases keep their numbers only.");
});
