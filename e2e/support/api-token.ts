import { expect, type Page } from "@playwright/test";
import { submit } from "./forms";

/** Creates an API token on the signed-in person's account page and returns the secret, shown only once. */
export async function createToken(page: Page, name: string, scopes: string[], teams: string[] = []): Promise<string> {
  await page.goto("/account/tokens");
  const form = page.locator("form", { has: page.getByRole("button", { name: "Create token", exact: true }) });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("May").selectOption(scopes);
  await form.getByLabel("For teams").selectOption(teams);
  await submit(page, form.getByRole("button", { name: "Create token", exact: true }));
  const secret = await page.getByLabel(`Secret of ${name}`, { exact: true }).inputValue();
  expect(secret).toMatch(/^cb_[A-Za-z0-9_-]{40,}$/);
  return secret;
}
