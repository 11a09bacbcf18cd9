/**
 * `npm run export -- [FILE]`: the whole site as one JSON document (stdout without FILE).
 * Password hashes, sessions and API tokens stay behind; see lib/dal/site/transfer.ts.
 */
import fs from "node:fs";
import { databasePath, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { exportSite } from "@/lib/dal/site/transfer";

const file = process.argv[2];
if (!fs.existsSync(databasePath())) {
  console.error(`There is no database at ${databasePath()} (set CYCLEBOARD_DB).`);
  process.exit(1);
}
const db = openDatabase(databasePath());
try {
  migrateDatabase(db);
  const json = `${JSON.stringify(exportSite({ actor: { kind: "system", label: "cli export" } }, db), null, 2)}\n`;
  if (file) {
    fs.writeFileSync(file, json);
    console.error(`Exported ${databasePath()} to ${file}.`);
  } else process.stdout.write(json);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  db.$client.close();
}
