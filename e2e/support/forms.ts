import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Clicks a submit button and waits for its server action to answer, so the next step sees
 * the result. With `resets`, also waits until React has reset the form after the action
 * (it empties password fields), so that what is typed next is not wiped.
 */
export async function submit(page: Page, button: Locator, resets?: Locator): Promise<void> {
  await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined),
    button.click(),
  ]);
  if (resets) await expect(resets).toHaveValue("");
}
