/**
 * The setup project (playwright.config.ts): signs each demo role in once, through
 * better-auth's own endpoint, and saves the session for the specs. No spec may end these
 * sessions (sign out, change the password, deactivate the account): those journeys use
 * people of their own (fixtures.ts).
 */
import { expect, test as setup } from "@playwright/test";
import { ACCOUNTS, DEMO_PASSWORD } from "./accounts";
import { ROLES, signedInState } from "./roles";

for (const role of ROLES) {
  setup(`sign in as ${role}`, async ({ request, baseURL }) => {
    const response = await request.post("/api/auth/sign-in/email", {
      headers: { origin: baseURL! },
      data: { email: ACCOUNTS[role], password: DEMO_PASSWORD },
    });
    expect(response.status(), ACCOUNTS[role]).toBe(200);
    await request.storageState({ path: signedInState(role) });
  });
}
