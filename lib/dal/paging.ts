/** The JSON API's lists: one page of a filtered list, with its total, and the filters by slug they share. */
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { communityTopics, gatherings, releaseCycles, teams } from "@/db/schema";
import type { Page, Paged } from "@/lib/http/api";

export const iso = (date: Date | null) => date?.toISOString() ?? null;
export const pageWindow = ({ page, perPage }: Page) => ({ limit: perPage, offset: (page - 1) * perPage });

/** A filter on a slug column that matches nothing when the slug is unknown (an empty page, not an error). */
export function idOf(db: Db, table: typeof teams | typeof releaseCycles, slug: string | undefined): number | undefined | -1 {
  if (slug === undefined) return undefined;
  return db.select({ id: table.id }).from(table).where(eq(table.slug, slug)).get()?.id ?? -1;
}

export function paged<T>(data: T[], total: number, { page, perPage }: Page): Paged<T> {
  return { data, pagination: { page, perPage, total } };
}

export function cycleFilter(db: Db, column: typeof communityTopics.cycleId | typeof gatherings.cycleId, slug: string | undefined) {
  const cycleId = idOf(db, releaseCycles, slug);
  return cycleId === undefined ? undefined : eq(column, cycleId);
}
