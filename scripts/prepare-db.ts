/**
 * Brings the database up to date before anything serves from it: migrates, checks
 * references, and on an empty database creates the first admin (random password, printed
 * once) and loads the demo community unless CYCLEBOARD_DEMO=0. Run by `npm start`,
 * `npm run dev` and the e2e server.
 */
import { hashPassword } from "better-auth/crypto";
import { databasePath, openDatabase, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { demoCommunity } from "@/db/seed/demo-data";
import { isDatabaseEmpty, loadDemoCommunity } from "@/db/seed/load-demo";
import { createPerson, generatePassword, hasAdmin } from "@/lib/dal/people/admin";

const FIRST_RUN: { kind: "system"; label: string } = { kind: "system", label: "first run" };

/** Loads the demo community; its people's passwords come from CYCLEBOARD_DEMO_PASSWORD or are generated. */
export async function loadDemo(db: Db): Promise<void> {
  const fixed = process.env.CYCLEBOARD_DEMO_PASSWORD;
  const passwords = new Map(demoCommunity.people.map((p) => [p.key, fixed || generatePassword()]));
  const hashes = new Map(await Promise.all([...passwords].map(async ([key, pw]) => [key, await hashPassword(pw)] as const)));
  loadDemoCommunity(db, demoCommunity, hashes);
  console.log(`Loaded the StarlingX demo community into ${databasePath()}. Demo accounts (passwords shown once):`);
  for (const p of demoCommunity.people) {
    const role = p.role === "release_manager" ? "release manager" : p.leads.length > 0 ? `lead of ${p.leads.join(", ")}` : p.role;
    console.log(`  ${p.email.padEnd(28)} ${String(passwords.get(p.key)).padEnd(22)} ${p.name}, ${role}`);
  }
}

async function createFirstAdmin(db: Db): Promise<void> {
  const email = (process.env.CYCLEBOARD_ADMIN_EMAIL || "admin@example.org").toLowerCase();
  const password = process.env.CYCLEBOARD_ADMIN_PASSWORD || generatePassword();
  await createPerson({ actor: FIRST_RUN, input: { name: "Administrator", email, role: "admin", leads: [] }, password }, db);
  console.log(`Created the first admin account: ${email} with password ${password}`);
  console.log("  This password is shown only now. Sign in at /signin and change it on /account.");
}

export async function prepareDatabase(): Promise<void> {
  const db = openDatabase(databasePath());
  try {
    migrateDatabase(db);
    if (isDatabaseEmpty(db) && process.env.CYCLEBOARD_DEMO !== "0") await loadDemo(db);
    if (!hasAdmin(db)) await createFirstAdmin(db);
  } finally {
    db.$client.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  prepareDatabase().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
