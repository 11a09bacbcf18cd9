/**
 * The sign-in form's action and better-auth's HTTP endpoint share one password throttle:
 * failures by either route count against the other. Real database; only Next's request
 * scope (next/headers) is stood in for, since there is no request outside the server.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setProcessDatabase, type Db } from "@/db/client";
import { createTestDatabase } from "@/db/testing";
import { getAuth } from "./auth";
import { createPerson, editPerson } from "../people/admin";
import type { Actor } from "@/lib/permissions";
import { signInAction } from "@/app/(auth)/actions";

const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", () => ({
  headers: async () => request.headers,
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => {}, toString: () => "" }),
}));

const SYSTEM: Actor = { kind: "system", label: "test" };
const PASSWORD = "the-right-password-1";
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

function signInWithForm(email: string, password: string, address: string) {
  request.headers = new Headers({ "x-forwarded-for": address, origin: "http://localhost:3000" });
  const form = new FormData();
  form.set("email", email);
  form.set("password", password);
  return signInAction(null, form);
}

function signInOverHttp(email: string, password: string, address: string): Promise<Response> {
  return getAuth().handler(
    new Request("http://localhost:3000/api/auth/sign-in/email", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://localhost:3000", "x-forwarded-for": address },
      body: JSON.stringify({ email, password }),
    }),
  );
}

describe("the sign-in action", { timeout: 60_000 }, () => {
  it("counts wrong passwords sent straight to /api/auth/sign-in/email, and says so on the attempt that uses up the limit", async () => {
    const email = "shared-limit@example.org";
    await person(email);
    for (let attempt = 1; attempt <= 4; attempt++)
      expect((await signInOverHttp(email, `wrong-guess-${attempt}`, "192.0.2.10")).status).toBe(401);

    expect(await signInWithForm(email, "wrong-guess-5", "192.0.2.10")).toMatchObject({
      ok: false,
      message: "Too many sign-in attempts. Try again in 15 minutes.",
    });
    expect(await signInWithForm(email, PASSWORD, "192.0.2.10")).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Too many sign-in attempts/),
    });
    expect(await signInWithForm(email, PASSWORD, "192.0.2.11")).toMatchObject({ ok: true });
  });

  it("answers a deactivated account's right password exactly as a wrong one", async () => {
    const email = "gone@example.org";
    const id = await person(email);
    editPerson({ actor: SYSTEM, input: { id, active: false } }, db);
    const right = await signInWithForm(email, PASSWORD, "192.0.2.20");
    const wrong = await signInWithForm(email, "not-the-password", "192.0.2.21");
    expect(right).toEqual(wrong);
    expect(right).toMatchObject({ ok: false, message: "Wrong email or password." });
  });
});
