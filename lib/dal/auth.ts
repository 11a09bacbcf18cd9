/**
 * Authentication, by better-auth with its Drizzle adapter on our own tables (people,
 * sessions, accounts, verifications). It owns password hashing, session tokens and
 * cookies; who may do what lives in lib/permissions.ts. Created lazily so builds and
 * scripts that never sign anyone in need no secret.
 */
import "server-only";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { genericOAuth } from "better-auth/plugins/generic-oauth";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databasePath, getDb } from "@/db/client";
import { accounts, people, sessions, verifications } from "@/db/schema";
import { SESSION_LIFETIME_SECONDS, PASSWORD_LIMITS } from "@/lib/validation/auth";

/** CYCLEBOARD_SECRET, or one generated on first use and kept beside the database (mode 600). */
function authSecret(): string {
  if (process.env.CYCLEBOARD_SECRET) return process.env.CYCLEBOARD_SECRET;
  const file = path.join(path.dirname(databasePath()), ".cycleboard-secret");
  if (!fs.existsSync(file)) fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
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
    telemetry: { enabled: false },
    plugins: [...openIdConnect(), nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { cycleboardAuth?: Auth };

export function getAuth(): Auth {
  globalForAuth.cycleboardAuth ??= createAuth();
  return globalForAuth.cycleboardAuth;
}
