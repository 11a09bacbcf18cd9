/** `npm run db:seed`: migrate, then load the demo community into an empty database. */
import { databasePath, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { isDatabaseEmpty } from "@/db/seed/load-demo";
import { loadDemo } from "./prepare-db";

const file = databasePath();
const db = openDatabase(file);
try {
  migrateDatabase(db);
  if (!isDatabaseEmpty(db)) {
    console.error(
      `${file} already holds data; the demo community loads only into an empty database. Point CYCLEBOARD_DB at a new file, or move it away first.`,
    );
    process.exitCode = 1;
  } else {
    await loadDemo(db);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  db.$client.close();
}
