/**
 * Authentication, by better-auth with its Drizzle adapter on our own tables (people,
 * sessions, accounts, verifications). It owns password hashing, session tokens and
 * cookies; who may do what lives in lib/permissions.ts. Created lazily so builds and
 * scripts that never sign anyone in need no secret.
 *
 * Over HTTP only the endpoints in HTTP_ENDPOINTS answer; the app calls the rest (sign-out,
 * change-password, single sign-on's start) as `getAuth().api.*` from its server actions.
 * Every password check, by either route, passes the throttle in lib/sign-in-throttle.ts
 * through the hooks below.
 */
import "server-only";
import { betterAuth, BASE_ERROR_CODES, type BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, getSessionFromCtx, isAPIError } from "better-auth/api";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databasePath, getDb } from "@/db/client";
import { accounts, people, sessions, verifications } from "@/db/schema";
import { clientAddress } from "@/lib/http/client-address";
import { passwordAccepted, passwordNotChecked, startPasswordAttempt, tryAgainMessage } from "@/lib/sign-in-throttle";
import { SESSION_LIFETIME_SECONDS, PASSWORD_LIMITS } from "@/lib/validation/auth";

/** CYCLEBOARD_SECRET, or one generated on first use and kept beside the database (mode 600). */
export function authSecret(): string {
  if (process.env.CYCLEBOARD_SECRET) return process.env.CYCLEBOARD_SECRET;
  const file = path.join(path.dirname(databasePath()), ".cycleboard-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
  }
  return fs.readFileSync(file, "utf8").trim();
}

export function publicBaseUrl(): string {
  return (process.env.CYCLEBOARD_URL || `http://localhost:${process.env.PORT || 3000}`).replace(/\/$/, "");
}

/** Optional single sign-on through any OpenID Connect provider, off unless configured. */
function openIdConnect() {
  const issuer = process.env.OIDC_ISSUER;
  const clientId = process.env.OIDC_CLIENT_ID;
  if (!issuer || !clientId) return [];
  return [
    genericOAuth({
      config: [
        {
          providerId: "oidc",
          name: process.env.OIDC_NAME || "single sign-on",
          discoveryUrl: `${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`,
          clientId,
          clientSecret: process.env.OIDC_CLIENT_SECRET,
          scopes: ["openid", "email", "profile"],
          // Only people an admin has created may sign in; their email links the account.
          disableImplicitSignUp: true,
        },
      ],
    }),
  ];
}

export const oidcEnabled = () => Boolean(process.env.OIDC_ISSUER && process.env.OIDC_CLIENT_ID);
export const oidcName = () => process.env.OIDC_NAME || "single sign-on";

/**
 * What browsers and scripts may call under /api/auth: password sign-in (for API clients and
 * `npm run bench`), and single sign-on's return from the provider and its error page. Profile
 * changes (update-user, change-email, delete-user), sign-up, password resets and the rest
 * are not the app's: a person's name, email and role change only through an admin, validated
 * and audited (lib/dal/people/admin.ts).
 */
const HTTP_ENDPOINTS = [/^POST \/sign-in\/email$/, /^(GET|POST) \/callback\/[^/]+$/, /^GET \/error$/];

function httpAllowList(): BetterAuthPlugin {
  return {
    id: "cycleboard-http-allow-list",
    onRequest: async (request, ctx) => {
      const path = new URL(request.url).pathname.slice(new URL(ctx.baseURL).pathname.length).replace(/\/+$/, "");
      if (HTTP_ENDPOINTS.some((endpoint) => endpoint.test(`${request.method} ${path}`))) return;
      return { response: Response.json({ code: "NOT_FOUND", message: "Not found" }, { status: 404 }) };
    },
  };
}

function tooManyAttempts(waitMs: number): APIError {
  return new APIError(
    "TOO_MANY_REQUESTS",
    { code: "TOO_MANY_ATTEMPTS", message: tryAgainMessage(waitMs) },
    { "Retry-After": String(Math.ceil(waitMs / 1000)) },
  );
}

type HookContext = Parameters<Parameters<typeof createAuthMiddleware>[0]>[0];

/** Whose password this request checks: the email signed in with, or the session's person. */
async function passwordAccount(ctx: HookContext): Promise<string | null> {
  if (ctx.path === "/sign-in/email") return typeof ctx.body?.email === "string" ? ctx.body.email : null;
  if (ctx.path === "/change-password") return (await getSessionFromCtx(ctx))?.user.email ?? null;
  return null;
}

/** The answers that mean a password was compared and found wrong (or belongs to a deactivated person). */
const PASSWORD_REFUSED: readonly string[] = [
  BASE_ERROR_CODES.INVALID_EMAIL_OR_PASSWORD.code,
  BASE_ERROR_CODES.INVALID_PASSWORD.code,
  BASE_ERROR_CODES.FAILED_TO_CREATE_SESSION.code,
];

const countPasswordAttempt = createAuthMiddleware(async (ctx) => {
  const email = await passwordAccount(ctx);
  if (email === null) return;
  const wait = await startPasswordAttempt(email, clientAddress(ctx.headers ?? new Headers()));
  if (wait > 0) throw tooManyAttempts(wait);
});

const settlePasswordAttempt = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== "/sign-in/email" && ctx.path !== "/change-password") return;
  const returned = ctx.context.returned;
  const address = clientAddress(ctx.headers ?? new Headers());
  if (!isAPIError(returned)) {
    // After a change of password the old session is gone: the answer names the person.
    const email = (returned as { user?: { email?: string } } | undefined)?.user?.email;
    if (email) await passwordAccepted(email, address);
    return;
  }
  const email = await passwordAccount(ctx);
  if (email === null) return;
  const code = String(returned.body?.code);
  if (!PASSWORD_REFUSED.includes(code)) {
    await passwordNotChecked(email, address);
    return;
  }
  // A deactivated person's right password must read exactly as a wrong one.
  if (code === BASE_ERROR_CODES.FAILED_TO_CREATE_SESSION.code)
    throw APIError.from("UNAUTHORIZED", BASE_ERROR_CODES.INVALID_EMAIL_OR_PASSWORD);
});

function createAuth() {
  return betterAuth({
    appName: "Cycleboard",
    baseURL: publicBaseUrl(),
    secret: authSecret(),
    database: drizzleAdapter(getDb(), { provider: "sqlite", schema: { people, sessions, accounts, verifications } }),
    user: {
      modelName: "people",
      additionalFields: {
        role: { type: "string", input: false, defaultValue: "member" },
        active: { type: "boolean", input: false, defaultValue: true },
      },
    },
    session: {
      modelName: "sessions",
      fields: { userId: "personId" },
      expiresIn: SESSION_LIFETIME_SECONDS,
      updateAge: 60 * 60 * 24,
    },
    account: {
      modelName: "accounts",
      fields: { userId: "personId" },
      accountLinking: { enabled: true, trustedProviders: ["oidc"] },
    },
    verification: { modelName: "verifications" },
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: PASSWORD_LIMITS.min,
      maxPasswordLength: PASSWORD_LIMITS.max,
      revokeSessionsOnPasswordReset: true,
    },
    databaseHooks: {
      session: {
        create: {
          // A deactivated person cannot start a session by any route (password or SSO).
          before: async (session) => {
            const person = getDb().query.people.findFirst({ where: (p, { eq }) => eq(p.id, session.userId), columns: { active: true } });
            return (await person)?.active ? { data: session } : false;
          },
        },
      },
    },
    hooks: { before: countPasswordAttempt, after: settlePasswordAttempt },
    // One limit on password guesses, ours (above); better-auth's own would count per path a
    // second time, and every other endpoint it would guard is closed over HTTP.
    rateLimit: { enabled: false },
    telemetry: { enabled: false },
    plugins: [httpAllowList(), ...openIdConnect(), nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { cycleboardAuth?: Auth };

export function getAuth(): Auth {
  globalForAuth.cycleboardAuth ??= createAuth();
  return globalForAuth.cycleboardAuth;
}
