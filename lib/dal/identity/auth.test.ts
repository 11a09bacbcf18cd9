/**
 * better-auth as the outside world reaches it: requests through `getAuth().handler`, the
 * way app/api/auth/[...all]/route.ts passes them, against a real temporary database.
 * Each test uses its own people and addresses, since the throttle's counts live in memory.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { setProcessDatabase, type Db } from "@/db/client";
import { auditEntries, people } from "@/db/schema";
import { createTestDatabase } from "@/db/testing";
import type { Actor } from "@/lib/permissions";
import { getAuth } from "./auth";
import { createPerson, editPerson } from "../people/admin";

const SYSTEM: Actor = { kind: "system", label: "test" };
const PASSWORD = "the-right-password-1";
const BASE = "http://localhost:3000/api/auth";

let db: Db;
let cleanup: () => void;

beforeAll(() => {
  process.env.CYCLEBOARD_SECRET = "a-test-secret-of-enough-length-for-better-auth";
  ({ db, cleanup } = createTestDatabase());
  setProcessDatabase(db);
});
afterAll(() => cleanup());

async function person(email: string): Promise<string> {
  return (await createPerson({ actor: SYSTEM, input: { name: "Pat Example", email, role: "member", leads: [] }, password: PASSWORD }, db))
    .id;
}

function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return getAuth().handler(
    new Request(`${BASE}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost:3000", ...headers },
      body: JSON.stringify(body),
    }),
  );
}

const signIn = (email: string, password: string, address: string) =>
  post("/sign-in/email", { email, password }, { "x-forwarded-for": address });

async function sessionCookie(email: string, address: string): Promise<string> {
  const response = await signIn(email, PASSWORD, address);
  expect(response.status).toBe(200);
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(";")[0])
    .join("; ");
}

describe("password guessing through better-auth's own endpoints", { timeout: 120_000 }, () => {
  it("answers 429 once an account's limit is used up, from every address, and then refuses the right password too", async () => {
    const email = "guessed@example.org";
    await person(email);
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 60; attempt++)
      statuses.push((await signIn(email, `wrong-guess-${attempt}`, `198.51.100.${attempt}`)).status);

    const firstRefusal = statuses.indexOf(429);
    expect(firstRefusal).toBeGreaterThan(0);
    expect(firstRefusal).toBeLessThanOrEqual(20);
    expect(statuses.slice(firstRefusal).every((status) => status === 429)).toBe(true);

    const right = await signIn(email, PASSWORD, "198.51.100.200");
    expect(right.status).toBe(429);
    expect(right.headers.getSetCookie()).toEqual([]);
    expect(Number(right.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("slows one address down on one account without locking the account's owner out elsewhere", async () => {
    const email = "targeted@example.org";
    await person(email);
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 6; attempt++) statuses.push((await signIn(email, `wrong-guess-${attempt}`, "203.0.113.7")).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect((await signIn(email, PASSWORD, "203.0.113.7")).status).toBe(429);

    expect((await signIn(email, PASSWORD, "192.0.2.44")).status).toBe(200);
  });

  it("counts guesses sent in parallel before any of them is checked, so they cannot all slip through", async () => {
    const email = "rushed@example.org";
    await person(email);
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, attempt) => signIn(email, `wrong-guess-${attempt}`, "203.0.113.50").then((r) => r.status)),
    );
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
  });

  it("does not let guesses spread over many addresses keep the owner out from an address they signed in from before", async () => {
    const email = "owner@example.org";
    await person(email);
    await sessionCookie(email, "192.0.2.80");
    for (let attempt = 1; attempt <= 30; attempt++) await signIn(email, `wrong-guess-${attempt}`, `198.51.100.${100 + attempt}`);
    expect((await signIn(email, PASSWORD, "198.51.100.250")).status).toBe(429);

    expect((await signIn(email, PASSWORD, "192.0.2.80")).status).toBe(200);
  });

  it("stops one address guessing across many accounts once it reaches the per-address limit", async () => {
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 31; attempt++)
      statuses.push((await signIn(`nobody-${attempt}@example.org`, "a-guess", "203.0.113.200")).status);
    expect(statuses.slice(0, 30).every((status) => status === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
    expect((await signIn("someone-else@example.org", "a-guess", "203.0.113.201")).status).toBe(401);
  });

  it("limits guesses of the current password through change-password, with the same throttle", async () => {
    const email = "session-holder@example.org";
    await person(email);
    const cookie = await sessionCookie(email, "192.0.2.90");
    const changePassword = (currentPassword: string) =>
      getAuth()
        .api.changePassword({
          body: { currentPassword, newPassword: "another-password-22" },
          headers: new Headers({ cookie, "x-forwarded-for": "192.0.2.90" }),
        })
        .then(
          () => 200,
          (error: { statusCode: number }) => error.statusCode,
        );
    const statuses: number[] = [];
    for (let attempt = 1; attempt <= 6; attempt++) statuses.push(await changePassword(`wrong-current-${attempt}`));
    expect(statuses).toEqual([400, 400, 400, 400, 400, 429]);
    expect(await changePassword(PASSWORD)).toBe(429);
  });

  it("gives a deactivated account's right password the same answer as a wrong one", async () => {
    const email = "deactivated@example.org";
    const id = await person(email);
    editPerson({ actor: SYSTEM, input: { id, active: false } }, db);
    const right = await signIn(email, PASSWORD, "192.0.2.120");
    const wrong = await signIn(email, "not-the-password", "192.0.2.121");
    expect(right.status).toBe(wrong.status);
    expect(await right.json()).toEqual(await wrong.json());
  });
});

describe("better-auth endpoints the app does not use", () => {
  it("are not callable over HTTP: a person cannot rename themselves, change their email or delete themselves", async () => {
    const email = "renamer@example.org";
    const id = await person(email);
    const cookie = await sessionCookie(email, "192.0.2.130");
    const auditBefore = db.select().from(auditEntries).all().length;

    const rename = await post("/update-user", { name: "Morgan Castellan (release manager)" }, { cookie });
    const longName = await post("/update-user", { name: "x".repeat(200_000) }, { cookie });
    const changeEmail = await post("/change-email", { newEmail: "someone-else@example.org" }, { cookie });
    const deleteUser = await post("/delete-user", { password: PASSWORD }, { cookie });
    const changePassword = await post("/change-password", { currentPassword: PASSWORD, newPassword: "another-password-22" }, { cookie });
    const signUp = await post("/sign-up/email", { email: "new@example.org", password: PASSWORD, name: "New" });

    expect([rename, longName, changeEmail, deleteUser, changePassword, signUp].map((response) => response.status)).toEqual([
      404, 404, 404, 404, 404, 404,
    ]);
    expect(db.select({ name: people.name, email: people.email }).from(people).where(eq(people.id, id)).get()).toEqual({
      name: "Pat Example",
      email,
    });
    expect(db.select().from(auditEntries).all().length).toBe(auditBefore);
  });
});
