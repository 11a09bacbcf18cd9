import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema.ts",
  out: "./db/migrations",
  dbCredentials: { url: process.env.CYCLEBOARD_DB ?? "./data/cycleboard.db" },
  strict: true,
  verbose: true,
});
