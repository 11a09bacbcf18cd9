import { expect, type Page } from "@playwright/test";
import { DEMO_PASSWORD } from "./accounts";

/** Signs in through the form, as a person would, and waits for the account menu. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Checking a password is deliberately slow (scrypt); with two workers on two cores, on a server
  // that renders these pages for the first time, it can take far over 5 s.
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible({ timeout: 30_000 });
}
