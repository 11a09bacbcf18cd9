/**
 * `npm run import -- FILE`: loads a site document (from `npm run export`) into an empty
 * database, in one transaction, and prints a one-time password for each person (they
 * arrive without one). Refuses a database that already holds a site.
 */
import fs from "node:fs";
import { z } from "@/lib/validation/zod";
import { databasePath, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { describeDocumentErrors, importSite } from "@/lib/dal/site/transfer";

const file = process.argv[2];
if (!file) {
  console.error("usage: npm run import -- FILE   (a document written by npm run export; the database must be empty)");
  process.exit(2);
}

let document: unknown;
try {
  document = JSON.parse(fs.readFileSync(file, "utf8"));
} catch (error) {
  console.error(`${file}: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

const db = openDatabase(databasePath());
try {
  migrateDatabase(db);
  const { rows, passwords } = await importSite({ actor: { kind: "system", label: "cli import" }, document }, db);
  const total = Object.values(rows).reduce((sum, n) => sum + n, 0);
  console.log(`Imported ${total} rows from ${file} into ${databasePath()}.`);
  if (passwords.length > 0) {
    console.log("People arrive without passwords; each has a new one (shown once, to change after signing in):");
    for (const p of passwords) console.log(`  ${p.email.padEnd(32)} ${p.password}  ${p.name}`);
  }
} catch (error) {
  if (error instanceof z.ZodError) {
    console.error(`${file} is not a Cycleboard site document:`);
    for (const line of describeDocumentErrors(error).slice(0, 20)) console.error(`  ${line}`);
  } else console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  db.$client.close();
}
