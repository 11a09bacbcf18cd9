/**
 * The whole Cycleboard data model: tables, then relations, then row types.
 * Every enumerated column takes its values from lib/domain.ts and carries a CHECK
 * constraint; every dashboard query has an index. Change it, then `npm run db:generate`
 * and read the generated SQL before committing it.
 */
import { relations, sql, type SQL } from "drizzle-orm";
import { check, index, integer, primaryKey, real, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import {
  ACTION_ITEM_STATUS,
  AUDIT_VIA,
  CYCLE_STATUS,
  EMAIL_DELIVERY,
  HEALTH,
  HELP_STATUS,
  METRIC_AGGREGATION,
  METRIC_DIRECTION,
  METRIC_KIND,
  METRIC_UNIT,
  REVIEW_STATE,
  ROADMAP_KIND,
  ROADMAP_STATUS,
  ROLES,
  TEAM_LINK_KIND,
  TOPIC_OUTCOME,
  TRACKER_KIND,
  UPDATE_STATE,
} from "@/lib/domain";

/** CHECK (column IN (...)) from the same constant the column type uses. */
function oneOf(column: string, values: readonly string[]): SQL {
  return sql.raw(`"${column}" in (${values.map((v) => `'${v}'`).join(", ")})`);
}

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);
const updatedAt = () =>
  integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);
/** Calendar dates (due dates, release dates) are ISO `YYYY-MM-DD` text. */
const date = (name: string) => text(name);
const isoDate = (column: string) => sql.raw(`"${column}" is null or "${column}" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`);

// ---------------------------------------------------------------------------
// Site

/** One row (id = 1): the community this deployment serves. */
export const communitySettings = sqliteTable(
  "community_settings",
  {
    id: integer("id").primaryKey(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    websiteUrl: text("website_url"),
    docsUrl: text("docs_url"),
    mailingListUrl: text("mailing_list_url"),
    codeUrl: text("code_url"),
    privateMode: integer("private_mode", { mode: "boolean" }).notNull().default(false),
    /** Days before a milestone that "update due" reminders go out. */
    reminderLeadDays: integer("reminder_lead_days").notNull().default(7),
    /** A team whose last published update is older than this counts as due. */
    staleUpdateDays: integer("stale_update_days").notNull().default(30),
    updatedAt: updatedAt(),
  },
  () => [
    check("community_settings_single_row", sql`"id" = 1`),
    check("community_settings_reminder_lead_days", sql`"reminder_lead_days" between 0 and 90`),
    check("community_settings_stale_update_days", sql`"stale_update_days" between 1 and 365`),
  ],
);

/** What each health value means here, so "at risk" means the same for every team. */
export const healthDefinitions = sqliteTable(
  "health_definitions",
  {
    health: text("health", { enum: HEALTH }).primaryKey(),
    label: text("label").notNull(),
    meaning: text("meaning").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  () => [check("health_definitions_health", oneOf("health", HEALTH))],
);

// ---------------------------------------------------------------------------
// People and sign-in (column shapes follow better-auth's core schema)

export const people = sqliteTable(
  "people",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    emailVerified: integer("email_verified", { mode: "boolean" }).notNull().default(false),
    image: text("image"),
    role: text("role", { enum: ROLES }).notNull().default("member"),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  () => [uniqueIndex("people_email_unique").on(sql`lower("email")`), check("people_role", oneOf("role", ROLES))],
);

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    token: text("token").notNull().unique(),
    personId: text("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("sessions_person_idx").on(t.personId)],
);

/** Credentials: a password hash (provider "credential") or an OpenID Connect link. */
export const accounts = sqliteTable(
  "accounts",
  {
    id: text("id").primaryKey(),
    personId: text("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: integer("access_token_expires_at", { mode: "timestamp_ms" }),
    refreshTokenExpiresAt: integer("refresh_token_expires_at", { mode: "timestamp_ms" }),
    scope: text("scope"),
    password: text("password"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("accounts_person_idx").on(t.personId), uniqueIndex("accounts_provider_account_unique").on(t.providerId, t.accountId)],
);

export const verifications = sqliteTable(
  "verifications",
  {
    id: text("id").primaryKey(),
    identifier: text("identifier").notNull(),
    value: text("value").notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("verifications_identifier_idx").on(t.identifier)],
);

/** Scoped credentials for automation; only a hash of the secret is kept. */
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: text("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** First characters of the secret, to recognise a token in lists. */
    prefix: text("prefix").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    /** JSON array of permitted actions, e.g. ["metric.record"]. */
    scopes: text("scopes", { mode: "json" }).$type<string[]>().notNull(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }),
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("api_tokens_person_idx").on(t.personId)],
);

// ---------------------------------------------------------------------------
// Teams

export const teams = sqliteTable(
  "teams",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    /** Short Markdown. */
    mission: text("mission").notNull().default(""),
    sortOrder: integer("sort_order").notNull().default(0),
    /** The release manager who reviews this team's updates. */
    shepherdId: text("shepherd_id").references(() => people.id, { onDelete: "set null" }),
    archived: integer("archived", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("teams_slug", sql`"slug" glob '[a-z0-9]*' and "slug" not glob '*[^a-z0-9-]*'`),
    index("teams_listing_idx").on(t.archived, t.sortOrder),
  ],
);

/** Scope of an API token: the teams it may write for (none = every team its owner may). */
export const apiTokenTeams = sqliteTable(
  "api_token_teams",
  {
    tokenId: integer("token_id")
      .notNull()
      .references(() => apiTokens.id, { onDelete: "cascade" }),
    teamId: integer("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.tokenId, t.teamId] })],
);

export const teamLeads = sqliteTable(
  "team_leads",
  {
    teamId: integer("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    personId: text("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.personId] }), index("team_leads_person_idx").on(t.personId)],
);

/** The team's links hub: meetings, mailing list, repositories, etherpads, recordings… */
export const teamLinks = sqliteTable(
  "team_links",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: integer("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: TEAM_LINK_KIND }).notNull(),
    label: text("label").notNull(),
    url: text("url").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [check("team_links_kind", oneOf("kind", TEAM_LINK_KIND)), index("team_links_team_idx").on(t.teamId, t.sortOrder)],
);

// ---------------------------------------------------------------------------
// Cycles, milestones, gatherings

export const releaseCycles = sqliteTable(
  "release_cycles",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** URL form of the name; "10.0" is its own slug. */
    slug: text("slug").notNull().unique(),
    name: text("name").notNull().unique(),
    status: text("status", { enum: CYCLE_STATUS }).notNull().default("planning"),
    startsOn: date("starts_on").notNull(),
    targetReleaseOn: date("target_release_on").notNull(),
    releasedOn: date("released_on"),
    /** Theme or summary, Markdown. */
    summary: text("summary").notNull().default(""),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("release_cycles_status", oneOf("status", CYCLE_STATUS)),
    check("release_cycles_starts_on", isoDate("starts_on")),
    check("release_cycles_target_release_on", isoDate("target_release_on")),
    check("release_cycles_released_on", isoDate("released_on")),
    check("release_cycles_dates_ordered", sql`"target_release_on" >= "starts_on"`),
    check("release_cycles_slug", sql`"slug" not glob '*[^a-z0-9.-]*'`),
    // At most one cycle is the active one.
    uniqueIndex("release_cycles_one_active")
      .on(t.status)
      .where(sql`"status" = 'active'`),
    index("release_cycles_starts_idx").on(t.startsOn),
  ],
);

export const milestones = sqliteTable(
  "milestones",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    cycleId: integer("cycle_id")
      .notNull()
      .references(() => releaseCycles.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    dueOn: date("due_on").notNull(),
    doneOn: date("done_on"),
    createdAt: createdAt(),
  },
  (t) => [
    check("milestones_due_on", isoDate("due_on")),
    check("milestones_done_on", isoDate("done_on")),
    uniqueIndex("milestones_cycle_name_unique").on(t.cycleId, t.name),
    index("milestones_cycle_due_idx").on(t.cycleId, t.dueOn),
  ],
);

export const gatherings = sqliteTable(
  "gatherings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull().unique(),
    name: text("name").notNull(),
    cycleId: integer("cycle_id")
      .notNull()
      .references(() => releaseCycles.id, { onDelete: "restrict" }),
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    websiteUrl: text("website_url"),
    etherpadUrl: text("etherpad_url"),
    recordingUrl: text("recording_url"),
    /** The cycle this gathering wraps up, when it also plans `cycleId` (a PTG between two releases). */
    wrapsCycleId: integer("wraps_cycle_id").references((): AnySQLiteColumn => releaseCycles.id, { onDelete: "restrict" }),
    /** The recap's introduction and closing, Markdown, written by a release manager. */
    recapIntro: text("recap_intro").notNull().default(""),
    recapClosing: text("recap_closing").notNull().default(""),
    /** Team slugs and section keys the recap shows; null shows every one. */
    recapTeams: text("recap_teams", { mode: "json" }).$type<string[]>(),
    recapSections: text("recap_sections", { mode: "json" }).$type<string[]>(),
    recapAuthorId: text("recap_author_id").references((): AnySQLiteColumn => people.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    check("gatherings_starts_on", isoDate("starts_on")),
    check("gatherings_ends_on", isoDate("ends_on")),
    check("gatherings_dates_ordered", sql`"ends_on" >= "starts_on"`),
    index("gatherings_cycle_idx").on(t.cycleId, t.startsOn),
  ],
);

// ---------------------------------------------------------------------------
// Updates

export const updates = sqliteTable(
  "updates",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: integer("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "restrict" }),
    cycleId: integer("cycle_id")
      .notNull()
      .references(() => releaseCycles.id, { onDelete: "restrict" }),
    gatheringId: integer("gathering_id").references(() => gatherings.id, { onDelete: "set null" }),
    authorId: text("author_id").references(() => people.id, { onDelete: "set null" }),
    headline: text("headline").notNull(),
    health: text("health", { enum: HEALTH }).notNull(),
    // Markdown sections.
    summary: text("summary").notNull().default(""),
    done: text("done").notNull().default(""),
    inProgress: text("in_progress").notNull().default(""),
    planned: text("planned").notNull().default(""),
    risks: text("risks").notNull().default(""),
    helpWanted: text("help_wanted").notNull().default(""),
    /** Seen only by the team's leads, release managers and admins. */
    privateNote: text("private_note").notNull().default(""),
    state: text("state", { enum: UPDATE_STATE }).notNull().default("draft"),
    reviewState: text("review_state", { enum: REVIEW_STATE }).notNull().default("unreviewed"),
    /** When a lead asked for another look after changes were requested; cleared by the next decision. */
    anotherLookAskedAt: integer("another_look_asked_at", { mode: "timestamp_ms" }),
    /** Optimistic concurrency: every save must name the version it started from. */
    version: integer("version").notNull().default(1),
    /**
     * The moment the update speaks for, which every reader orders and dates by: when it was
     * published, or noon (UTC) of its "as of" day when history is entered later.
     */
    publishedAt: integer("published_at", { mode: "timestamp_ms" }),
    /** When it was really published; null on rows from before this column (then the same as published_at). */
    enteredAt: integer("entered_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("updates_health", oneOf("health", HEALTH)),
    check("updates_state", oneOf("state", UPDATE_STATE)),
    check("updates_review_state", oneOf("review_state", REVIEW_STATE)),
    check("updates_published_at", sql`("state" = 'published') = ("published_at" is not null)`),
    check("updates_version", sql`"version" >= 1`),
    index("updates_cycle_team_idx").on(t.cycleId, t.teamId, t.state, t.publishedAt),
    index("updates_team_idx").on(t.teamId, t.state, t.publishedAt),
    index("updates_published_idx").on(t.state, t.publishedAt),
    index("updates_review_idx").on(t.cycleId, t.reviewState),
    // The review queue: each team's published updates per review state, newest first, read from the index alone.
    index("updates_review_queue_idx").on(t.cycleId, t.state, t.reviewState, t.teamId, t.publishedAt),
    // A cycle's published updates newest first (reports, feeds, the API) without a sort,
    // so the planner never prefers scanning updates_published_idx across every cycle.
    index("updates_cycle_published_idx").on(t.cycleId, t.state, t.publishedAt),
  ],
);

/** A published update's state before each edit: the history `/updates/[id]` shows. */
export const updateRevisions = sqliteTable(
  "update_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    updateId: integer("update_id")
      .notNull()
      .references(() => updates.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    editorId: text("editor_id").references(() => people.id, { onDelete: "set null" }),
    /** JSON of the update's editable fields at this version. */
    snapshot: text("snapshot", { mode: "json" }).$type<Record<string, unknown>>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("update_revisions_version_unique").on(t.updateId, t.version)],
);

export const updateLinks = sqliteTable(
  "update_links",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    updateId: integer("update_id")
      .notNull()
      .references(() => updates.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    url: text("url").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
  },
  (t) => [index("update_links_update_idx").on(t.updateId, t.sortOrder)],
);

export const reviewComments = sqliteTable(
  "review_comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    updateId: integer("update_id")
      .notNull()
      .references(() => updates.id, { onDelete: "cascade" }),
    authorId: text("author_id").references(() => people.id, { onDelete: "set null" }),
    replyToId: integer("reply_to_id").references((): AnySQLiteColumn => reviewComments.id, {
      onDelete: "cascade",
    }),
    body: text("body").notNull(),
    /** Part of a "request changes" verdict, as opposed to a reply. */
    requestsChanges: integer("requests_changes", { mode: "boolean" }).notNull().default(false),
    releaseManagersOnly: integer("release_managers_only", { mode: "boolean" }).notNull().default(false),
    resolvedAt: integer("resolved_at", { mode: "timestamp_ms" }),
    resolvedById: text("resolved_by_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("review_comments_update_idx").on(t.updateId, t.createdAt)],
);

/** "Update due" reminders sent: at most one per team and milestone. */
export const updateReminders = sqliteTable(
  "update_reminders",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: integer("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    milestoneId: integer("milestone_id")
      .notNull()
      .references(() => milestones.id, { onDelete: "cascade" }),
    channels: text("channels", { mode: "json" }).$type<("app" | "email")[]>().notNull(),
    sentById: text("sent_by_id").references(() => people.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("update_reminders_once").on(t.teamId, t.milestoneId),
    check("update_reminders_channels", sql`json_valid("channels")`),
  ],
);

// ---------------------------------------------------------------------------
// Roadmap

export const roadmapItems = sqliteTable(
  "roadmap_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: integer("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "restrict" }),
    /** The cycle it is planned for now. */
    cycleId: integer("cycle_id")
      .notNull()
      .references(() => releaseCycles.id, { onDelete: "restrict" }),
    /** The cycle it was first planned for, kept when it slips. */
    originalCycleId: integer("original_cycle_id")
      .notNull()
      .references(() => releaseCycles.id, { onDelete: "restrict" }),
    /** The earlier cycle's item this one continues. */
    carriedFromId: integer("carried_from_id").references((): AnySQLiteColumn => roadmapItems.id, {
      onDelete: "set null",
    }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    status: text("status", { enum: ROADMAP_STATUS }).notNull().default("planned"),
    kind: text("kind", { enum: ROADMAP_KIND }).notNull().default("feature"),
    helpWanted: integer("help_wanted", { mode: "boolean" }).notNull().default(false),
    sortOrder: integer("sort_order").notNull().default(0),
    version: integer("version").notNull().default(1),
    /**
     * The day it became done (cleared if it leaves done), for the cycle's burn-up. No CHECK
     * here: adding one would rebuild the table and cascade-delete its links.
     */
    deliveredOn: date("delivered_on"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("roadmap_items_status", oneOf("status", ROADMAP_STATUS)),
    check("roadmap_items_kind", oneOf("kind", ROADMAP_KIND)),
    index("roadmap_items_cycle_team_idx").on(t.cycleId, t.teamId, t.sortOrder),
    index("roadmap_items_team_idx").on(t.teamId, t.cycleId),
    index("roadmap_items_carried_idx").on(t.carriedFromId),
  ],
);

/** Where the work is tracked: StoryBoard, Launchpad, Gerrit. */
export const roadmapItemLinks = sqliteTable(
  "roadmap_item_links",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    itemId: integer("item_id")
      .notNull()
      .references(() => roadmapItems.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: TRACKER_KIND }).notNull(),
    label: text("label").notNull(),
    url: text("url").notNull(),
  },
  (t) => [check("roadmap_item_links_kind", oneOf("kind", TRACKER_KIND)), index("roadmap_item_links_item_idx").on(t.itemId)],
);

// ---------------------------------------------------------------------------
// Metrics

export const metricDefinitions = sqliteTable(
  "metric_definitions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    key: text("key").notNull().unique(),
    label: text("label").notNull(),
    description: text("description").notNull().default(""),
    /** Before kinds: count or percent. Written in step with `kind` (lib/domain.ts unitOfKind), never read. */
    unit: text("unit", { enum: METRIC_UNIT }).notNull(),
    /**
     * Added by ALTER TABLE, so its values are checked by triggers (0011_metric_kinds_checks.sql)
     * rather than a CHECK: a new CHECK would rebuild the table, and its DROP cascades to metric_values.
     */
    kind: text("kind", { enum: METRIC_KIND }).notNull().default("count"),
    /** For a decimal metric, how many decimals its figures show; null for the other kinds. */
    decimals: integer("decimals"),
    direction: text("direction", { enum: METRIC_DIRECTION }).notNull().default("higher_is_better"),
    aggregation: text("aggregation", { enum: METRIC_AGGREGATION }).notNull(),
    /** The team that reports it; null for a community-wide metric. */
    teamId: integer("team_id").references(() => teams.id, { onDelete: "cascade" }),
    sortOrder: integer("sort_order").notNull().default(0),
    retired: integer("retired", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [
    check("metric_definitions_unit", oneOf("unit", METRIC_UNIT)),
    check("metric_definitions_direction", oneOf("direction", METRIC_DIRECTION)),
    check("metric_definitions_aggregation", oneOf("aggregation", METRIC_AGGREGATION)),
    check("metric_definitions_key", sql`"key" not glob '*[^a-z0-9_]*'`),
    index("metric_definitions_team_idx").on(t.teamId, t.sortOrder),
  ],
);

export const metricValues = sqliteTable(
  "metric_values",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    metricId: integer("metric_id")
      .notNull()
      .references(() => metricDefinitions.id, { onDelete: "cascade" }),
    teamId: integer("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "restrict" }),
    cycleId: integer("cycle_id")
      .notNull()
      .references(() => releaseCycles.id, { onDelete: "restrict" }),
    /** A duration in seconds; 0 for a version, which is `entered`. */
    value: real("value").notNull(),
    /** A version exactly as entered ("1.10"); null for the numeric kinds. */
    entered: text("entered"),
    observedAt: integer("observed_at", { mode: "timestamp_ms" }).notNull(),
    sourceUpdateId: integer("source_update_id").references(() => updates.id, { onDelete: "set null" }),
    sourceTokenId: integer("source_token_id").references(() => apiTokens.id, { onDelete: "set null" }),
    recordedById: text("recorded_by_id").references(() => people.id, { onDelete: "set null" }),
    note: text("note").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    index("metric_values_cycle_idx").on(t.cycleId, t.metricId, t.observedAt),
    index("metric_values_team_idx").on(t.teamId, t.metricId, t.cycleId),
    index("metric_values_source_update_idx").on(t.sourceUpdateId),
  ],
);

// ---------------------------------------------------------------------------
// Help requests

export const helpRequests = sqliteTable(
  "help_requests",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    teamId: integer("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "restrict" }),
    cycleId: integer("cycle_id")
      .notNull()
      .references(() => releaseCycles.id, { onDelete: "restrict" }),
    /**
     * The cycle it was first asked in, once it has followed its item or its team into a later
     * one (null while it is still where it was asked): the slip stays visible, as for roadmap items.
     */
    askedInCycleId: integer("asked_in_cycle_id").references(() => releaseCycles.id),
    roadmapItemId: integer("roadmap_item_id").references(() => roadmapItems.id, { onDelete: "set null" }),
    /** What is needed, in one line. */
    title: text("title").notNull(),
    details: text("details").notNull().default(""),
    linkUrl: text("link_url"),
    /** How to reach the team about it (a mailing list, a meeting). */
    contact: text("contact").notNull().default(""),
    ownerId: text("owner_id").references(() => people.id, { onDelete: "set null" }),
    takenByName: text("taken_by_name"),
    status: text("status", { enum: HELP_STATUS }).notNull().default("open"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("help_requests_status", oneOf("status", HELP_STATUS)),
    index("help_requests_status_idx").on(t.status, t.cycleId, t.teamId),
    index("help_requests_team_idx").on(t.teamId, t.cycleId),
  ],
);

// ---------------------------------------------------------------------------
// Community topics

export const communityTopics = sqliteTable(
  "community_topics",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    cycleId: integer("cycle_id")
      .notNull()
      .references(() => releaseCycles.id, { onDelete: "restrict" }),
    gatheringId: integer("gathering_id").references(() => gatherings.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    notes: text("notes").notNull().default(""),
    outcome: text("outcome", { enum: TOPIC_OUTCOME }).notNull().default("no_decision"),
    /** The decision taken, when outcome is "decision". */
    decision: text("decision").notNull().default(""),
    sortOrder: integer("sort_order").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("community_topics_outcome", oneOf("outcome", TOPIC_OUTCOME)),
    check("community_topics_decision", sql`"outcome" = 'no_decision' or length("decision") > 0`),
    index("community_topics_cycle_idx").on(t.cycleId, t.sortOrder),
  ],
);

export const topicActionItems = sqliteTable(
  "topic_action_items",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    topicId: integer("topic_id")
      .notNull()
      .references(() => communityTopics.id, { onDelete: "cascade" }),
    description: text("description").notNull(),
    ownerName: text("owner_name").notNull().default(""),
    ownerId: text("owner_id").references(() => people.id, { onDelete: "set null" }),
    status: text("status", { enum: ACTION_ITEM_STATUS }).notNull().default("open"),
    dueOn: date("due_on"),
    createdAt: createdAt(),
  },
  (t) => [
    check("topic_action_items_status", oneOf("status", ACTION_ITEM_STATUS)),
    check("topic_action_items_due_on", isoDate("due_on")),
    index("topic_action_items_topic_idx").on(t.topicId),
  ],
);

// ---------------------------------------------------------------------------
// Notifications and audit

/**
 * A person's notifications: what happened, rendered when it happened (so the text holds only
 * what the recipient could read then), and where it is. Written in the transaction of the
 * event (lib/dal/notifications/notify.ts). No CHECK on `kind`: a new kind needs no table
 * rebuild; lib/domain.ts NOTIFICATION_KINDS is the list.
 */
export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: text("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    /** What it is about, e.g. ("update", "12"): for links, and so an event is not reported twice. */
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    linkPath: text("link_path").notNull(),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
    /** When it was mailed, or judged not to be (preference off): the mail queue is the rows where this is null. */
    mailedAt: integer("mailed_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("notifications_person_idx").on(t.personId, t.readAt),
    index("notifications_inbox_idx").on(t.personId, t.createdAt),
    index("notifications_mail_idx")
      .on(t.mailedAt)
      .where(sql`"mailed_at" is null`),
    index("notifications_subject_idx").on(t.subjectType, t.subjectId, t.kind),
  ],
);

/** Whom a person follows: a team or a cycle, to hear of its new updates. */
export const follows = sqliteTable(
  "follows",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: text("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    teamId: integer("team_id").references(() => teams.id, { onDelete: "cascade" }),
    cycleId: integer("cycle_id").references(() => releaseCycles.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [
    check("follows_one_subject", sql`("team_id" is null) <> ("cycle_id" is null)`),
    uniqueIndex("follows_team_unique")
      .on(t.personId, t.teamId)
      .where(sql`"team_id" is not null`),
    uniqueIndex("follows_cycle_unique")
      .on(t.personId, t.cycleId)
      .where(sql`"cycle_id" is not null`),
    index("follows_team_idx").on(t.teamId),
    index("follows_cycle_idx").on(t.cycleId),
  ],
);

/** A person's choice of email per kind of notification; no row means the kind's default (lib/domain.ts). */
export const notificationPreferences = sqliteTable(
  "notification_preferences",
  {
    personId: text("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    email: text("email", { enum: EMAIL_DELIVERY }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.personId, t.kind] }), check("notification_preferences_email", oneOf("email", EMAIL_DELIVERY))],
);

export const auditEntries = sqliteTable(
  "audit_entries",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    actorId: text("actor_id").references(() => people.id, { onDelete: "set null" }),
    /** Who it was, kept readable after the person is gone. */
    actorLabel: text("actor_label").notNull(),
    via: text("via", { enum: AUDIT_VIA }).notNull(),
    tokenId: integer("token_id").references(() => apiTokens.id, { onDelete: "set null" }),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    before: text("before", { mode: "json" }).$type<Record<string, unknown> | null>(),
    after: text("after", { mode: "json" }).$type<Record<string, unknown> | null>(),
    ipAddress: text("ip_address"),
    createdAt: createdAt(),
  },
  (t) => [
    check("audit_entries_via", oneOf("via", AUDIT_VIA)),
    index("audit_entries_created_idx").on(t.createdAt),
    index("audit_entries_entity_idx").on(t.entityType, t.entityId),
    index("audit_entries_actor_idx").on(t.actorId, t.createdAt),
  ],
);

// ---------------------------------------------------------------------------
// Relations

export const peopleRelations = relations(people, ({ many }) => ({
  leads: many(teamLeads),
  sessions: many(sessions),
  accounts: many(accounts),
  apiTokens: many(apiTokens),
}));

export const teamsRelations = relations(teams, ({ one, many }) => ({
  shepherd: one(people, { fields: [teams.shepherdId], references: [people.id] }),
  leads: many(teamLeads),
  links: many(teamLinks),
  updates: many(updates),
  roadmapItems: many(roadmapItems),
}));

export const teamLeadsRelations = relations(teamLeads, ({ one }) => ({
  team: one(teams, { fields: [teamLeads.teamId], references: [teams.id] }),
  person: one(people, { fields: [teamLeads.personId], references: [people.id] }),
}));

export const teamLinksRelations = relations(teamLinks, ({ one }) => ({
  team: one(teams, { fields: [teamLinks.teamId], references: [teams.id] }),
}));

export const releaseCyclesRelations = relations(releaseCycles, ({ many }) => ({
  milestones: many(milestones),
  gatherings: many(gatherings, { relationName: "gathering_cycle" }),
  updates: many(updates),
  topics: many(communityTopics),
}));

export const milestonesRelations = relations(milestones, ({ one }) => ({
  cycle: one(releaseCycles, { fields: [milestones.cycleId], references: [releaseCycles.id] }),
}));

export const gatheringsRelations = relations(gatherings, ({ one }) => ({
  cycle: one(releaseCycles, { fields: [gatherings.cycleId], references: [releaseCycles.id], relationName: "gathering_cycle" }),
  wrapsCycle: one(releaseCycles, {
    fields: [gatherings.wrapsCycleId],
    references: [releaseCycles.id],
    relationName: "gathering_wraps_cycle",
  }),
}));

export const updatesRelations = relations(updates, ({ one, many }) => ({
  team: one(teams, { fields: [updates.teamId], references: [teams.id] }),
  cycle: one(releaseCycles, { fields: [updates.cycleId], references: [releaseCycles.id] }),
  gathering: one(gatherings, { fields: [updates.gatheringId], references: [gatherings.id] }),
  author: one(people, { fields: [updates.authorId], references: [people.id] }),
  revisions: many(updateRevisions),
  links: many(updateLinks),
  comments: many(reviewComments),
}));

export const updateRevisionsRelations = relations(updateRevisions, ({ one }) => ({
  update: one(updates, { fields: [updateRevisions.updateId], references: [updates.id] }),
}));

export const updateLinksRelations = relations(updateLinks, ({ one }) => ({
  update: one(updates, { fields: [updateLinks.updateId], references: [updates.id] }),
}));

export const reviewCommentsRelations = relations(reviewComments, ({ one }) => ({
  update: one(updates, { fields: [reviewComments.updateId], references: [updates.id] }),
  author: one(people, { fields: [reviewComments.authorId], references: [people.id] }),
}));

export const roadmapItemsRelations = relations(roadmapItems, ({ one, many }) => ({
  team: one(teams, { fields: [roadmapItems.teamId], references: [teams.id] }),
  cycle: one(releaseCycles, { fields: [roadmapItems.cycleId], references: [releaseCycles.id] }),
  links: many(roadmapItemLinks),
}));

export const roadmapItemLinksRelations = relations(roadmapItemLinks, ({ one }) => ({
  item: one(roadmapItems, { fields: [roadmapItemLinks.itemId], references: [roadmapItems.id] }),
}));

export const communityTopicsRelations = relations(communityTopics, ({ one, many }) => ({
  cycle: one(releaseCycles, { fields: [communityTopics.cycleId], references: [releaseCycles.id] }),
  actionItems: many(topicActionItems),
}));

export const topicActionItemsRelations = relations(topicActionItems, ({ one }) => ({
  topic: one(communityTopics, { fields: [topicActionItems.topicId], references: [communityTopics.id] }),
}));

// ---------------------------------------------------------------------------
// Row types

export type CommunitySettings = typeof communitySettings.$inferSelect;
export type Person = typeof people.$inferSelect;
export type Team = typeof teams.$inferSelect;
export type TeamLink = typeof teamLinks.$inferSelect;
export type ReleaseCycle = typeof releaseCycles.$inferSelect;
export type Milestone = typeof milestones.$inferSelect;
export type Gathering = typeof gatherings.$inferSelect;
export type Update = typeof updates.$inferSelect;
export type UpdateRevision = typeof updateRevisions.$inferSelect;
export type RoadmapItem = typeof roadmapItems.$inferSelect;
export type MetricDefinition = typeof metricDefinitions.$inferSelect;
export type MetricValue = typeof metricValues.$inferSelect;
export type HelpRequest = typeof helpRequests.$inferSelect;
export type ReviewComment = typeof reviewComments.$inferSelect;
export type CommunityTopic = typeof communityTopics.$inferSelect;
export type AuditEntry = typeof auditEntries.$inferSelect;
export type ApiToken = typeof apiTokens.$inferSelect;
export type Notification = typeof notifications.$inferSelect;
