import "server-only";
import { eq } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import { communitySettings } from "@/db/schema";
import { assertCan, type Actor } from "@/lib/permissions";
import type { SettingsInput } from "@/lib/validation/settings";
import { recordAudit } from "../audit/audit";
import { invalidate, tags } from "../cache/cache";

export function getSettingsForEditing({ actor }: { actor: Actor }, db: Db = getDb()) {
  assertCan(actor, "settings.manage");
  const row = db.select().from(communitySettings).where(eq(communitySettings.id, 1)).get();
  return (
    row ?? {
      id: 1,
      name: "Cycleboard",
      description: "",
      websiteUrl: null,
      docsUrl: null,
      mailingListUrl: null,
      codeUrl: null,
      privateMode: false,
      reminderLeadDays: 7,
      staleUpdateDays: 30,
    }
  );
}

export function updateSettings({ actor, input }: { actor: Actor; input: SettingsInput }, db: Db = getDb()): void {
  assertCan(actor, "settings.manage");
  db.transaction((tx) => {
    const before = tx.select().from(communitySettings).where(eq(communitySettings.id, 1)).get();
    tx.insert(communitySettings)
      .values({ id: 1, ...input })
      .onConflictDoUpdate({ target: communitySettings.id, set: { ...input, updatedAt: new Date() } })
      .run();
    recordAudit(tx, actor, {
      action: "settings.edit",
      entityType: "settings",
      entityId: 1,
      before: before
        ? {
            name: before.name,
            description: before.description,
            privateMode: before.privateMode,
            reminderLeadDays: before.reminderLeadDays,
            staleUpdateDays: before.staleUpdateDays,
          }
        : null,
      after: input,
    });
  });
  invalidate(tags.site);
}

/** Read on every request by proxy.ts; a one-row primary-key lookup. */
export function isPrivateMode(db: Db = getDb()): boolean {
  return (
    db.select({ privateMode: communitySettings.privateMode }).from(communitySettings).where(eq(communitySettings.id, 1)).get()
      ?.privateMode ?? false
  );
}
