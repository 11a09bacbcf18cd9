/**
 * Enumerations and constants of the product, used by the database schema (columns and
 * CHECK constraints), the zod schemas and the UI alike. Edit here, then `npm run db:generate`.
 */

export const ROLES = ["admin", "release_manager", "member"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: "Admin",
  release_manager: "Release manager",
  member: "Member",
};

export const HEALTH = ["on_track", "at_risk", "off_track", "blocked", "done"] as const;
export type Health = (typeof HEALTH)[number];

export const HEALTH_LABELS: Record<Health, string> = {
  on_track: "On track",
  at_risk: "At risk",
  off_track: "Off track",
  blocked: "Blocked",
  done: "Done",
};

/** Health that puts a team on a cycle's "at risk" list. */
export const UNHEALTHY: readonly Health[] = ["at_risk", "off_track", "blocked"];

/** Health as an ordinal, worst first: the order a chart's axis climbs. */
export const HEALTH_FROM_WORST: readonly Health[] = ["blocked", "off_track", "at_risk", "on_track", "done"];

/** The Markdown sections of an update, in reading order, with their headings. */
export const UPDATE_SECTIONS = [
  ["summary", "Summary"],
  ["done", "Done"],
  ["inProgress", "In progress"],
  ["planned", "Planned"],
  ["risks", "Risks"],
  ["helpWanted", "Help wanted"],
] as const;
export type UpdateSectionKey = (typeof UPDATE_SECTIONS)[number][0];

/** What "Start from the last update" copies: work still open. Last time's summary and "done" are history. */
export const CARRIED_FORWARD_SECTIONS: readonly UpdateSectionKey[] = ["inProgress", "planned", "risks", "helpWanted"];

/** One value per section, keyed by section: the zod fields, the table columns, a row's text. */
export function bySection<T>(value: (key: UpdateSectionKey) => T): Record<UpdateSectionKey, T> {
  return Object.fromEntries(UPDATE_SECTIONS.map(([key]) => [key, value(key)])) as Record<UpdateSectionKey, T>;
}

export const CYCLE_STATUS = ["planning", "active", "released"] as const;
export type CycleStatus = (typeof CYCLE_STATUS)[number];

export const UPDATE_STATE = ["draft", "published"] as const;
export type UpdateState = (typeof UPDATE_STATE)[number];

export const REVIEW_STATE = ["unreviewed", "reviewed", "changes_requested"] as const;
export type ReviewState = (typeof REVIEW_STATE)[number];

export const ROADMAP_STATUS = ["planned", "in_progress", "done", "deferred", "dropped"] as const;
export type RoadmapStatus = (typeof ROADMAP_STATUS)[number];

/** A roadmap item still to be delivered: what carries over to the next cycle and can still want help. */
export const ROADMAP_UNFINISHED: readonly RoadmapStatus[] = ["planned", "in_progress"];

export const ROADMAP_STATUS_LABELS: Record<RoadmapStatus, string> = {
  planned: "Planned",
  in_progress: "In progress",
  done: "Done",
  deferred: "Deferred",
  dropped: "Dropped",
};

export const ROADMAP_KIND = ["feature", "enhancement", "maintenance", "documentation", "infrastructure"] as const;
export type RoadmapKind = (typeof ROADMAP_KIND)[number];

export const TRACKER_KIND = ["storyboard", "launchpad", "gerrit", "other"] as const;
export type TrackerKind = (typeof TRACKER_KIND)[number];

export const TEAM_LINK_KIND = ["meetings", "mailing_list", "repository", "docs", "etherpad", "recording", "review_query", "other"] as const;
export type TeamLinkKind = (typeof TEAM_LINK_KIND)[number];

export const TEAM_LINK_LABELS: Record<TeamLinkKind, string> = {
  meetings: "Meetings",
  mailing_list: "Mailing list",
  repository: "Repositories",
  docs: "Documentation",
  etherpad: "Etherpad",
  recording: "Recordings",
  review_query: "Review queries",
  other: "Link",
};

/**
 * What a metric measures, which decides how its values are entered, compared, shown and
 * charted (lib/metrics.ts): a count, a percentage, a decimal with its precision, a duration
 * (kept in seconds) or a version (kept as entered: 1.10 is not 1.1).
 */
export const METRIC_KIND = ["count", "percentage", "decimal", "duration", "version"] as const;
export type MetricKind = (typeof METRIC_KIND)[number];
export const METRIC_KIND_LABELS: Record<MetricKind, string> = {
  count: "Count",
  percentage: "Percentage",
  decimal: "Decimal",
  duration: "Duration",
  version: "Version",
};
/** How many decimals a decimal metric may show. */
export const METRIC_DECIMALS = { min: 0, max: 6 } as const;

/**
 * The column metrics had before kinds (db/schema.ts keeps it in step with the kind: changing
 * its CHECK would rebuild metric_definitions, whose DROP cascades to metric_values).
 */
export const METRIC_UNIT = ["count", "percent"] as const;
export type MetricUnit = (typeof METRIC_UNIT)[number];
export const unitOfKind = (kind: MetricKind): MetricUnit => (kind === "percentage" ? "percent" : "count");

export const METRIC_DIRECTION = ["higher_is_better", "lower_is_better"] as const;
export type MetricDirection = (typeof METRIC_DIRECTION)[number];

/** How one cycle's figure is formed from the values recorded during it, across teams. */
export const METRIC_AGGREGATION = ["sum", "latest", "average"] as const;
export type MetricAggregation = (typeof METRIC_AGGREGATION)[number];

export const HELP_STATUS = ["open", "taken", "resolved", "dropped"] as const;
export type HelpStatus = (typeof HELP_STATUS)[number];
/** Help still wanted: open, or taken up and not yet finished. What dashboards count and list. */
export const HELP_STILL_WANTED: HelpStatus[] = ["open", "taken"];

export const TOPIC_OUTCOME = ["decision", "no_decision"] as const;
export type TopicOutcome = (typeof TOPIC_OUTCOME)[number];

/** Search results per page: what a reader scans before narrowing the search, and what a page costs to render. */
export const SEARCH_PAGE_SIZE = 10;
/**
 * How many of the most recently written matches a search ranks. Ranking every match costs in
 * proportion to the matches (13,000 for two common words on the bench's large data); the
 * newest 200 cost the same on any size of site, and narrowing the search reaches older ones.
 */
export const SEARCH_WINDOW = 200;

export const ACTION_ITEM_STATUS = ["open", "done"] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUS)[number];

export const AUDIT_VIA = ["session", "token", "cli", "system"] as const;
export type AuditVia = (typeof AUDIT_VIA)[number];

/**
 * What a notification reports, with how each is named on the email-preferences form and
 * how it is mailed unless the person chose otherwise. A new kind is one line here; the
 * event that writes it calls notify() (lib/dal/notifications/notify.ts).
 */
export const NOTIFICATION_KINDS = {
  changes_requested: { label: "Changes requested on your team's update", email: "at_once" },
  review_reply: { label: "A reply in a review thread", email: "at_once" },
  thread_resolved: { label: "A review thread resolved", email: "daily" },
  update_reviewed: { label: "Your team's update marked reviewed", email: "daily" },
  another_look_asked: { label: "A lead asked for another look after changes you requested", email: "at_once" },
  update_due: { label: "An update is due from your team", email: "at_once" },
  help_taken: { label: "A help request of your team taken up", email: "daily" },
  help_changed: { label: "A help request you took changed", email: "daily" },
  made_lead: { label: "You were made lead of a team", email: "at_once" },
  token_expiring: { label: "One of your API tokens is about to expire", email: "at_once" },
  followed_update: { label: "A new update from a team or cycle you follow", email: "daily" },
} as const satisfies Record<string, { label: string; email: EmailDelivery }>;
export type NotificationKind = keyof typeof NOTIFICATION_KINDS;
export const NOTIFICATION_KIND = Object.keys(NOTIFICATION_KINDS) as NotificationKind[];

/** How a kind of notification reaches a person by email: each at once, in one daily digest, or not at all. */
export const EMAIL_DELIVERY = ["at_once", "daily", "off"] as const;
export type EmailDelivery = (typeof EMAIL_DELIVERY)[number];

/** The parts of a gathering's recap a release manager can include or leave out. */
export const RECAP_SECTION = ["delivered", "standing", "plans", "risks", "numbers", "topics"] as const;
export type RecapSection = (typeof RECAP_SECTION)[number];

export const RECAP_SECTION_LABELS: Record<RecapSection, string> = {
  delivered: "Delivered in the ending cycle",
  standing: "Where the work stands",
  plans: "Plans for the next cycle",
  risks: "Risks and calls for help",
  numbers: "The ending cycle in numbers",
  topics: "Community topics",
};
