import { expect, test } from "./support/fixtures";
import { ACCOUNTS, DEMO_PASSWORD } from "./support/accounts";
import { submit } from "./support/forms";
import { signIn } from "./support/sign-in";

test("a team lead signs in and sees Post update on their own team and not on another", async ({ page }) => {
  await signIn(page, ACCOUNTS.docsLead);
  const session = await (await page.request.get("/api/session")).json();
  expect(session).toEqual({ signedIn: true, name: "Dana Whitlock", role: "member", leadOf: ["docs"], unread: 0 });
  await page.goto("/teams/docs");
  await expect(page.getByRole("link", { name: "Post update" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Edit links" })).toBeVisible();

  await page.goto("/teams/test");
  await expect(page.getByRole("link", { name: /Your account/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Test" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Post update" })).toHaveCount(0);
});

test("a lead edits their team's links hub, and cannot open another team's", async ({ page }) => {
  await signIn(page, ACCOUNTS.cloudLead);
  await page.goto("/teams/distributed-cloud/links");
  await page.getByLabel("Label").last().fill("Sub-cloud deployment notes");
  await page.getByLabel("Address").last().fill("not a url");
  await page.getByRole("button", { name: "Save links" }).click();
  await expect(page.getByText("Enter a full http(s) address")).toBeVisible();
  await expect(page.getByLabel("Label").last()).toHaveValue("Sub-cloud deployment notes");

  await page.getByLabel("Address").last().fill("https://wiki.example.org/subclouds");
  await page.getByRole("button", { name: "Save links" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Links saved.");
  await page.goto("/teams/distributed-cloud");
  await expect(page.getByRole("link", { name: "Sub-cloud deployment notes" })).toHaveAttribute(
    "href",
    "https://wiki.example.org/subclouds",
  );

  await page.goto("/teams/docs/links");
  await expect(page.getByRole("heading", { name: "Not available to you" })).toBeVisible();
});

test("an admin creates a person, who signs in; once deactivated, their open session stops working", async ({ browser }) => {
  // Three password checks (scrypt, slow by design) and two people's pages on two shared cores.
  test.slow();
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, ACCOUNTS.admin);
  await admin.goto("/admin/people");
  const email = `casey.${Date.now()}@example.org`;
  const create = admin.locator("form", { has: admin.getByRole("button", { name: "Create account" }) });
  await create.getByLabel("Name").fill("Casey Temp");
  await create.getByLabel("Email").fill(email);
  await create.getByLabel("Leads teams").selectOption("release");
  await submit(admin, create.getByRole("button", { name: "Create account" }));
  const created = await create.getByRole("status").textContent();
  const password = /shown only now: (\S+)/.exec(created ?? "")?.[1];
  expect(password).toBeTruthy();

  const personContext = await browser.newContext();
  const person = await personContext.newPage();
  await signIn(person, email, password);
  await person.goto("/account");
  await expect(person.getByRole("heading", { name: "Your account" })).toBeVisible();

  await admin.reload();
  const row = admin.getByRole("listitem").filter({ hasText: email });
  await row.locator("summary").click();
  await row.getByLabel("Active").uncheck();
  await row.getByRole("button", { name: /^Save / }).click();
  await expect(row.getByRole("status")).toHaveText("Saved.");
  await expect(row.getByText("Deactivated", { exact: true })).toBeVisible();

  await person.goto("/account");
  await expect(person).toHaveURL(/\/signin\?next=%2Faccount$/);
  expect(await (await person.request.get("/api/session")).json()).toEqual({ signedIn: false });
  await person.getByLabel("Email").fill(email);
  await person.getByLabel("Password").fill(password!);
  await person.getByRole("button", { name: "Sign in" }).click();
  await expect(person.getByRole("main").getByRole("alert")).toHaveText("Wrong email or password.");

  await admin.goto(`/admin/audit?action=person.`);
  await expect(admin.getByRole("row", { name: /person\.edit/ }).first()).toContainText("active");
  await personContext.close();
  await adminContext.close();
});

test("repeated wrong passwords lock the account for a while, with a clear message", async ({ page, person }) => {
  await page.goto("/signin");
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel("Email").fill(person.email);
    await page.getByLabel("Password").fill(`wrong-password-${attempt}`);
    await submit(page, page.getByRole("button", { name: "Sign in" }), page.getByLabel("Password"));
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      attempt < 5 ? "Wrong email or password." : /Too many sign-in attempts\. Try again in 15 minutes\./,
    );
  }
  await page.getByLabel("Password").fill(person.password);
  await submit(page, page.getByRole("button", { name: "Sign in" }));
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(/Try again in 1[45] minutes/);
  expect(await (await page.request.get("/api/session")).json()).toEqual({ signedIn: false });
});

test("a client cannot escape the sign-in limit by claiming other addresses in X-Forwarded-For", async ({ request, baseURL }) => {
  const email = `nobody.${Date.now()}@example.org`;
  const statuses: number[] = [];
  for (let attempt = 1; attempt <= 6; attempt++) {
    const response = await request.post("/api/auth/sign-in/email", {
      headers: { origin: baseURL!, "x-forwarded-for": `198.51.100.${attempt}` },
      data: { email, password: `wrong-guess-${attempt}` },
    });
    statuses.push(response.status());
  }
  expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
});

test("a member's change of password keeps them signed in and ends their other sessions", async ({ person, pageOf }) => {
  const a = await pageOf(person);
  const b = await pageOf(person);
  await a.goto("/account");
  await a.getByLabel("Current password").fill(person.password);
  await a.getByLabel("New password", { exact: true }).fill("short");
  await a.getByLabel("New password, again").fill("short");
  await submit(a, a.getByRole("button", { name: "Change password" }), a.getByLabel("Current password"));
  await expect(a.getByText("Use at least 12 characters")).toBeVisible();
  await a.getByLabel("Current password").fill(person.password);
  await a.getByLabel("New password", { exact: true }).fill("a-brand-new-password");
  await a.getByLabel("New password, again").fill("a-brand-new-password");
  await submit(a, a.getByRole("button", { name: "Change password" }));
  await expect(a.getByRole("main").getByRole("status")).toHaveText(/Password changed/);
  expect(await (await b.request.get("/api/session")).json()).toEqual({ signedIn: false });
});

test("signed-in pages send anonymous visitors to sign in and back", async ({ page }) => {
  await page.goto("/admin/people");
  await expect(page).toHaveURL(/\/signin\?next=%2Fadmin%2Fpeople$/);
  await page.getByLabel("Email").fill(ACCOUNTS.releaseManager);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/admin\/people$/);
  await expect(page.getByRole("heading", { name: "Not available to you" })).toBeVisible();
});
