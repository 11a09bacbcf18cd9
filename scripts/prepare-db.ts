/**
 * Brings the database up to date before anything serves from it: migrates, checks
 * references, and loads the demo community into an empty database unless
 * CYCLEBOARD_DEMO=0. Run by `npm start`, `npm run dev` and the e2e server.
 */
import { databasePath, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { demoCommunity } from "@/db/seed/demo-data";
import { isDatabaseEmpty, loadDemoCommunity } from "@/db/seed/load-demo";

export function prepareDatabase(): void {
  const file = databasePath();
  const db = openDatabase(file);
  try {
    migrateDatabase(db);
    if (isDatabaseEmpty(db) && process.env.CYCLEBOARD_DEMO !== "0") {
      const { people } = loadDemoCommunity(db, demoCommunity);
      console.log(`Loaded the StarlingX demo community (${demoCommunity.teams.length} teams, ${people.length} people) into ${file}`);
    }
  } finally {
    db.$client.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    prepareDatabase();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
