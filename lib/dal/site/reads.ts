import "server-only";
import { cacheLife, cacheTag } from "next/cache";
import { desc, eq, sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { communitySettings, healthDefinitions, releaseCycles } from "@/db/schema";
import type { Health } from "@/lib/domain";
import { liveDataVersion, tags, type DataVersion } from "../cache/cache";

export interface SiteInfo {
  name: string;
  description: string;
  links: { label: string; url: string }[];
  /** The cycle `/` shows: the active one, else the most recently started. */
  currentCycle: { slug: string; name: string } | null;
  healthDefinitions: { health: Health; label: string; meaning: string }[];
}

export function readSiteInfo(db: Db): SiteInfo {
  const settings = db.select().from(communitySettings).where(eq(communitySettings.id, 1)).get();
  const current = db
    .select({ slug: releaseCycles.slug, name: releaseCycles.name })
    .from(releaseCycles)
    .orderBy(sql`${releaseCycles.status} = 'active' desc`, desc(releaseCycles.startsOn))
    .limit(1)
    .get();
  const links = [
    { label: "Website", url: settings?.websiteUrl },
    { label: "Documentation", url: settings?.docsUrl },
    { label: "Mailing list", url: settings?.mailingListUrl },
    { label: "Code", url: settings?.codeUrl },
  ].filter((l): l is { label: string; url: string } => Boolean(l.url));
  return {
    name: settings?.name ?? "Cycleboard",
    description: settings?.description ?? "",
    links,
    currentCycle: current ?? null,
    healthDefinitions: db
      .select({ health: healthDefinitions.health, label: healthDefinitions.label, meaning: healthDefinitions.meaning })
      .from(healthDefinitions)
      .orderBy(healthDefinitions.sortOrder)
      .all(),
  };
}

export async function getSiteInfo(): Promise<SiteInfo> {
  return cachedSiteInfo(await liveDataVersion());
}

async function cachedSiteInfo(_dataVersion: DataVersion): Promise<SiteInfo> {
  "use cache";
  cacheLife("dashboard");
  cacheTag(tags.site, tags.cycles);
  return readSiteInfo(getDb());
}
