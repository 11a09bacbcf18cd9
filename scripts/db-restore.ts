/**
 * `npm run db:restore -- FILE`: checks a backup (SQLite's integrity check, a Cycleboard
 * database whose migrations this version knows) and puts it in place of the database,
 * keeping the replaced one beside it. Only while the server is stopped. See db/backup.ts.
 */
import { databasePath } from "@/db/client";
import { restoreDatabase } from "@/db/backup";

const file = process.argv[2];
if (!file) {
  console.error("usage: npm run db:restore -- FILE   (stop the server first)");
  process.exit(2);
}
try {
  const { kept, migrations, known } = await restoreDatabase(file, databasePath());
  console.log(`Restored ${file} to ${databasePath()} (integrity check ok).`);
  if (kept) console.log(`The database it replaced is kept at ${kept}.`);
  if (migrations < known) console.log(`The backup has ${migrations} of ${known} migrations; the next start applies the rest.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
