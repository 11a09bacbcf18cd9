/**
 * `npm run db:backup -- FILE`: a consistent copy of the database (CYCLEBOARD_DB or
 * ./data/cycleboard.db) while the server keeps running and writing. See db/backup.ts.
 */
import { databasePath } from "@/db/client";
import { backupDatabase } from "@/db/backup";

const file = process.argv[2];
if (!file) {
  console.error("usage: npm run db:backup -- FILE   (a new file; the server may keep running)");
  process.exit(2);
}
try {
  const { pages } = await backupDatabase(databasePath(), file);
  console.log(`Backed up ${databasePath()} to ${file} (${pages} pages; integrity check ok).`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
