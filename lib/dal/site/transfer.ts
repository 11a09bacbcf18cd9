/**
 * The whole site as one JSON document and back, for moving a Cycleboard to another
 * machine. Every column of every exported table travels as SQLite stores it (timestamps
 * as epoch milliseconds, booleans as 0/1, JSON columns as their text), read from the
 * Drizzle schema, so a column added later travels without a change here. Credentials
 * stay behind: password hashes, sessions, sign-in verifications and API tokens belong to
 * the old machine (a token or session copied elsewhere is a key to it); people get new
 * passwords after an import. The search index is not exported: the database's triggers
 * (0001_search.sql) fill it as the rows go in. Edit TRANSFERRED / LEFT_BEHIND when a
 * table is added to db/schema.ts (a test fails until you do).
 */
import "server-only";
import { hashPassword } from "better-auth/crypto";
import { getTableColumns, sql } from "drizzle-orm";
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from "drizzle-orm/sqlite-core";
import { randomUUID } from "node:crypto";
import { z } from "@/lib/validation/zod";
import { instantMs, planDate } from "@/lib/validation/dates";
import { getDb, type Db, type Tx } from "@/db/client";
import * as schema from "@/db/schema";
import { InputError } from "@/lib/errors";
import { assertCan, type Actor } from "@/lib/permissions";
import { recordAudit } from "../audit/audit";
import { invalidate, tags } from "../cache/cache";
import { generatePassword } from "../people/admin";

export const SITE_FORMAT = "cycleboard-site";
export const SITE_FORMAT_VERSION = 1;

/** Exported tables, parents before children (the import defers reference checks anyway). */
export const TRANSFERRED: readonly SQLiteTable[] = [
  schema.communitySettings,
  schema.healthDefinitions,
  schema.people,
  schema.teams,
  schema.teamLeads,
  schema.teamLinks,
  schema.releaseCycles,
  schema.milestones,
  schema.gatherings,
  schema.updates,
  schema.updateRevisions,
  schema.updateLinks,
  schema.reviewComments,
  schema.updateReminders,
  schema.roadmapItems,
  schema.roadmapItemLinks,
  schema.metricDefinitions,
  schema.metricValues,
  schema.helpRequests,
  schema.communityTopics,
  schema.topicActionItems,
  schema.notifications,
  schema.follows,
  schema.notificationPreferences,
  schema.auditEntries,
];

/** Credentials of the old machine; references to them (a metric's source token) become null. */
export const LEFT_BEHIND: readonly SQLiteTable[] = [
  schema.sessions,
  schema.accounts,
  schema.verifications,
  schema.apiTokens,
  schema.apiTokenTeams,
];

/**
 * Tables a freshly started site already fills (its first admin, that admin's audit entry,
 * perhaps its settings). An import still counts the site as empty with rows here: people
 * are matched by email and keep their own account, audit entries are added after the ones
 * there, and the settings row is replaced.
 */
const FIRST_RUN_TABLES = new Set(["people", "audit_entries", "community_settings"]);

type SqlValue = string | number | null;
type Row = Record<string, SqlValue>;

export interface SiteDocument {
  format: typeof SITE_FORMAT;
  version: typeof SITE_FORMAT_VERSION;
  exportedAt: string;
  tables: Record<string, Row[]>;
}

const tableName = (table: SQLiteTable) => getTableConfig(table).name;
const columnsOf = (table: SQLiteTable): SQLiteColumn[] => Object.values(getTableColumns(table));

/** Columns that point into a table left behind: exported as null. */
function droppedReferences(table: SQLiteTable): Set<string> {
  const leftBehind = new Set(LEFT_BEHIND.map(tableName));
  return new Set(
    getTableConfig(table)
      .foreignKeys.map((fk) => fk.reference())
      .filter((ref) => leftBehind.has(tableName(ref.foreignTable)))
      .flatMap((ref) => ref.columns.map((c) => c.name)),
  );
}

/** Columns holding a person's id, which an import may map to an existing account. */
function personReferences(table: SQLiteTable): string[] {
  return getTableConfig(table)
    .foreignKeys.map((fk) => fk.reference())
    .filter((ref) => ref.foreignTable === schema.people)
    .flatMap((ref) => ref.columns.map((c) => c.name));
}

/** The stored form of one column's value, from its Drizzle definition. */
function storedValueSchema(column: SQLiteColumn): z.ZodType<SqlValue | undefined> {
  let value: z.ZodType<SqlValue>;
  if (column.enumValues?.length) value = z.enum(column.enumValues as [string, ...string[]]);
  else if (column.dataType === "boolean") value = z.union([z.literal(0), z.literal(1)], { error: "expected 0 or 1" });
  else if (column.dataType === "json")
    value = z.string().refine(
      (text) => {
        try {
          JSON.parse(text);
          return true;
        } catch {
          return false;
        }
      },
      { error: "expected JSON text" },
    );
  else if (column.dataType === "date") value = instantMs;
  else if (column.dataType === "number") value = z.number();
  // Calendar days are the text columns named *_on (db/schema.ts date()): the same window as the forms.
  else if (column.name.endsWith("_on")) value = planDate;
  else value = z.string();
  if (!column.notNull) value = value.nullable();
  return column.notNull && !column.hasDefault ? value : value.optional();
}

/** The document's shape, derived from the schema: an unknown table or column is refused by name. */
export const siteDocumentSchema = z.strictObject({
  format: z.literal(SITE_FORMAT, { error: `expected "${SITE_FORMAT}"` }),
  version: z.literal(SITE_FORMAT_VERSION, { error: `this Cycleboard reads format version ${SITE_FORMAT_VERSION}` }),
  exportedAt: z.string(),
  tables: z.strictObject(
    Object.fromEntries(
      TRANSFERRED.map((table) => [
        tableName(table),
        z.array(z.strictObject(Object.fromEntries(columnsOf(table).map((c) => [c.name, storedValueSchema(c)])))).default([]),
      ]),
    ),
  ),
});

/** "tables.updates[3].headline: expected string", for the command line and the upload form. */
export function describeDocumentErrors(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const where = issue.path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i > 0 ? "." : ""}${String(p)}`)).join("");
    return `${where || "document"}: ${issue.message}`;
  });
}

/**
 * Reads every transferred row as stored, in rowid order, so two exports of one site are
 * identical; in one read transaction, so a site being written to exports one moment of it.
 */
export function readSite(db: Db): SiteDocument {
  const tables: Record<string, Row[]> = {};
  db.$client.transaction(() => {
    for (const table of TRANSFERRED) {
      const names = columnsOf(table).map((c) => c.name);
      const dropped = droppedReferences(table);
      const list = names.map((n) => (dropped.has(n) ? `null as "${n}"` : `"${n}"`)).join(", ");
      tables[tableName(table)] = db.$client.prepare(`select ${list} from "${tableName(table)}" order by rowid`).all() as Row[];
    }
  })();
  return { format: SITE_FORMAT, version: SITE_FORMAT_VERSION, exportedAt: new Date().toISOString(), tables };
}

export function exportSite({ actor }: { actor: Actor }, db: Db = getDb()): SiteDocument {
  assertCan(actor, "settings.manage");
  assertCan(actor, "person.manage");
  return readSite(db);
}

function assertNothingToOverwrite(db: Db | Tx): void {
  for (const table of TRANSFERRED) {
    const name = tableName(table);
    if (FIRST_RUN_TABLES.has(name)) continue;
    if (db.get<{ n: number }>(sql.raw(`select count(*) as n from "${name}"`))?.n) {
      throw new InputError("file", `This site already holds data (${name}): a site document imports only into an empty database.`);
    }
  }
}

export interface ImportResult {
  rows: Record<string, number>;
  /** One-time passwords for the imported people, who arrive without credentials. */
  passwords: { name: string; email: string; password: string }[];
}

/**
 * Loads a site document into a site without content, in one transaction. Refuses a site
 * that holds anything beyond what a first start creates.
 */
export async function importSite({ actor, document }: { actor: Actor; document: unknown }, db: Db = getDb()): Promise<ImportResult> {
  assertCan(actor, "settings.manage");
  assertCan(actor, "person.manage");
  const doc = siteDocumentSchema.parse(document);
  assertNothingToOverwrite(db);
  const activePeople = (doc.tables.people ?? []).filter((p) => p.active !== 0);
  // Hashing is slow; do it before the transaction, which then stays short.
  const passwords = activePeople.map((p) => ({
    id: String(p.id),
    name: String(p.name),
    email: String(p.email),
    password: generatePassword(),
  }));
  const hashes = new Map(await Promise.all(passwords.map(async (p) => [p.id, await hashPassword(p.password)] as const)));

  const rows: Record<string, number> = {};
  const issued: ImportResult["passwords"] = [];
  db.transaction((tx) => {
    assertNothingToOverwrite(tx);
    // Rows may arrive in any order (an item carried from a later-numbered one): check references at commit.
    tx.run(sql`pragma defer_foreign_keys = on`);

    const existingPeople = new Map(
      tx.all<{ id: string; email: string }>(sql`select id, lower(email) as email from people`).map((p) => [p.email, p.id]),
    );
    const personId = new Map<string, string>();
    for (const p of doc.tables.people ?? []) {
      const existing = existingPeople.get(String(p.email).toLowerCase());
      if (existing) personId.set(String(p.id), existing);
    }
    const auditHasRows = Boolean(tx.get<{ n: number }>(sql`select count(*) as n from audit_entries`)?.n);

    for (const table of TRANSFERRED) {
      const name = tableName(table);
      const list = doc.tables[name] ?? [];
      const personColumns = personReferences(table);
      if (name === "community_settings") tx.run(sql`delete from community_settings`);
      for (const original of list) {
        if (name === "people" && personId.has(String(original.id))) continue;
        const row: Row = {};
        for (const [column, value] of Object.entries(original)) {
          if (value === undefined) continue;
          row[column] = personColumns.includes(column) && typeof value === "string" ? (personId.get(value) ?? value) : value;
        }
        // Entries already here keep their ids; imported ones follow them in their own order.
        if (name === "audit_entries" && auditHasRows) delete row.id;
        const columns = Object.keys(row);
        try {
          db.$client
            .prepare(`insert into "${name}" (${columns.map((c) => `"${c}"`).join(", ")}) values (${columns.map(() => "?").join(", ")})`)
            .run(...columns.map((c) => row[c]));
        } catch (error) {
          // A duplicate or a value the table's CHECK refuses: name the row, like the schema check does.
          if (error instanceof Error && "code" in error && String(error.code).startsWith("SQLITE_CONSTRAINT"))
            throw new InputError("file", `tables.${name}[${list.indexOf(original)}]: ${error.message}`);
          throw error;
        }
      }
      rows[name] = list.length;
    }

    for (const p of passwords) {
      if (personId.has(p.id)) continue;
      tx.insert(schema.accounts)
        .values({ id: randomUUID(), personId: p.id, accountId: p.id, providerId: "credential", password: hashes.get(p.id) })
        .run();
      issued.push({ name: p.name, email: p.email, password: p.password });
    }

    const broken = tx.all<{ table: string; rowid: number; parent: string }>(sql`pragma foreign_key_check`);
    const first = broken[0];
    if (first) {
      throw new InputError(
        "file",
        `A row of ${first.table} (rowid ${first.rowid}) refers to a ${first.parent} row the document does not hold (${broken.length} such reference${broken.length === 1 ? "" : "s"}).`,
      );
    }
    recordAudit(tx, actor, { action: "site.import", entityType: "site", entityId: "site", after: { exportedAt: doc.exportedAt, rows } });
  });

  invalidate(
    tags.site,
    tags.cycles,
    tags.teams,
    tags.teamList,
    ...(doc.tables.release_cycles ?? []).map((c) => tags.cycle(Number(c.id))),
    ...(doc.tables.teams ?? []).map((t) => tags.team(Number(t.id))),
    ...(doc.tables.updates ?? []).map((u) => tags.update(Number(u.id))),
  );
  return { rows, passwords: issued };
}
