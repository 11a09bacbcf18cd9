import "server-only";
import { and, desc, eq, gte, like, lt, type SQL } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db/client";
import { auditEntries, people } from "@/db/schema";
import { actorLabel, assertCan, type Actor } from "@/lib/permissions";

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string | number;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** Writes the audit entry of a change, inside the change's own transaction. */
export function recordAudit(tx: Tx | Db, actor: Actor, record: AuditRecord): void {
  tx.insert(auditEntries)
    .values({
      actorId: actor.kind === "person" ? actor.id : null,
      actorLabel: actorLabel(actor),
      via: actor.kind === "system" ? "cli" : actor.kind === "person" && actor.token ? "token" : "session",
      tokenId: actor.kind === "person" ? (actor.token?.id ?? null) : null,
      action: record.action,
      entityType: record.entityType,
      entityId: String(record.entityId),
      before: record.before ?? null,
      after: record.after ?? null,
    })
    .run();
}

export interface AuditFilters {
  actor?: string;
  entityType?: string;
  action?: string;
  /** ISO dates, inclusive. */
  from?: string;
  to?: string;
  page?: number;
}

export const AUDIT_PAGE_SIZE = 50;

export function listAuditEntries({ actor, filters }: { actor: Actor; filters: AuditFilters }, db: Db = getDb()) {
  assertCan(actor, "person.manage");
  const conditions: SQL[] = [];
  if (filters.actor) conditions.push(like(auditEntries.actorLabel, `%${filters.actor}%`));
  if (filters.entityType) conditions.push(eq(auditEntries.entityType, filters.entityType));
  if (filters.action) conditions.push(like(auditEntries.action, `${filters.action}%`));
  if (filters.from) conditions.push(gte(auditEntries.createdAt, new Date(`${filters.from}T00:00:00Z`)));
  if (filters.to) conditions.push(lt(auditEntries.createdAt, new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + 86_400_000)));
  const page = Math.max(1, filters.page ?? 1);
  const rows = db
    .select({
      id: auditEntries.id,
      actorLabel: auditEntries.actorLabel,
      actorEmail: people.email,
      via: auditEntries.via,
      action: auditEntries.action,
      entityType: auditEntries.entityType,
      entityId: auditEntries.entityId,
      before: auditEntries.before,
      after: auditEntries.after,
      createdAt: auditEntries.createdAt,
    })
    .from(auditEntries)
    .leftJoin(people, eq(people.id, auditEntries.actorId))
    .where(and(...conditions))
    .orderBy(desc(auditEntries.createdAt), desc(auditEntries.id))
    .limit(AUDIT_PAGE_SIZE + 1)
    .offset((page - 1) * AUDIT_PAGE_SIZE)
    .all();
  return {
    entries: rows.slice(0, AUDIT_PAGE_SIZE).map((r) => ({ ...r, createdAt: r.createdAt.getTime() })),
    hasMore: rows.length > AUDIT_PAGE_SIZE,
    page,
  };
}

export function auditEntityTypes({ actor }: { actor: Actor }, db: Db = getDb()): string[] {
  assertCan(actor, "person.manage");
  return db
    .selectDistinct({ t: auditEntries.entityType })
    .from(auditEntries)
    .orderBy(auditEntries.entityType)
    .all()
    .map((r) => r.t);
}
