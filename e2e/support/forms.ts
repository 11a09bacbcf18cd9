import type { Locator, Page } from "@playwright/test";

/** Clicks a submit button and waits for its server action to answer, so the next step sees the result. */
export async function submit(page: Page, button: Locator): Promise<void> {
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined), button.click()]);
}
