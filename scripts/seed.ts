/** `npm run db:seed`: migrate, then load the demo community into an empty database. */
import { databasePath, openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { demoCommunity } from "@/db/seed/demo-data";
import { DatabaseNotEmptyError, loadDemoCommunity } from "@/db/seed/load-demo";

const file = databasePath();
const db = openDatabase(file);
try {
  migrateDatabase(db);
  const { people } = loadDemoCommunity(db, demoCommunity);
  console.log(`Loaded the StarlingX demo community into ${file}: ${demoCommunity.teams.length} teams, ${people.length} people.`);
} catch (error) {
  if (error instanceof DatabaseNotEmptyError) {
    console.error(`${error.message} Point CYCLEBOARD_DB at a new file, or move ${file} away first.`);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exitCode = 1;
} finally {
  db.$client.close();
}
