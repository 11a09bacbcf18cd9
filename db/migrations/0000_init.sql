CREATE TABLE `accounts` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`account_id` text NOT NULL,
	`provider_id` text NOT NULL,
	`access_token` text,
	`refresh_token` text,
	`id_token` text,
	`access_token_expires_at` integer,
	`refresh_token_expires_at` integer,
	`scope` text,
	`password` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `accounts_person_idx` ON `accounts` (`person_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_provider_account_unique` ON `accounts` (`provider_id`,`account_id`);--> statement-breakpoint
CREATE TABLE `api_token_teams` (
	`token_id` integer NOT NULL,
	`team_id` integer NOT NULL,
	PRIMARY KEY(`token_id`, `team_id`),
	FOREIGN KEY (`token_id`) REFERENCES `api_tokens`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `api_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` text NOT NULL,
	`name` text NOT NULL,
	`prefix` text NOT NULL,
	`token_hash` text NOT NULL,
	`scopes` text NOT NULL,
	`expires_at` integer,
	`last_used_at` integer,
	`revoked_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `api_tokens_token_hash_unique` ON `api_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `api_tokens_person_idx` ON `api_tokens` (`person_id`);--> statement-breakpoint
CREATE TABLE `audit_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`actor_id` text,
	`actor_label` text NOT NULL,
	`via` text NOT NULL,
	`token_id` integer,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`before` text,
	`after` text,
	`ip_address` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`token_id`) REFERENCES `api_tokens`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "audit_entries_via" CHECK("via" in ('session', 'token', 'cli', 'system'))
);
--> statement-breakpoint
CREATE INDEX `audit_entries_created_idx` ON `audit_entries` (`created_at`);--> statement-breakpoint
CREATE INDEX `audit_entries_entity_idx` ON `audit_entries` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_entries_actor_idx` ON `audit_entries` (`actor_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `community_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`website_url` text,
	`docs_url` text,
	`mailing_list_url` text,
	`code_url` text,
	`private_mode` integer DEFAULT false NOT NULL,
	`reminder_lead_days` integer DEFAULT 7 NOT NULL,
	`stale_update_days` integer DEFAULT 30 NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	CONSTRAINT "community_settings_single_row" CHECK("id" = 1),
	CONSTRAINT "community_settings_reminder_lead_days" CHECK("reminder_lead_days" between 0 and 90),
	CONSTRAINT "community_settings_stale_update_days" CHECK("stale_update_days" between 1 and 365)
);
--> statement-breakpoint
CREATE TABLE `community_topics` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`cycle_id` integer NOT NULL,
	`gathering_id` integer,
	`title` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`outcome` text DEFAULT 'no_decision' NOT NULL,
	`decision` text DEFAULT '' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `release_cycles`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`gathering_id`) REFERENCES `gatherings`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "community_topics_outcome" CHECK("outcome" in ('decision', 'no_decision')),
	CONSTRAINT "community_topics_decision" CHECK("outcome" = 'no_decision' or length("decision") > 0)
);
--> statement-breakpoint
CREATE INDEX `community_topics_cycle_idx` ON `community_topics` (`cycle_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `gatherings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`cycle_id` integer NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`website_url` text,
	`etherpad_url` text,
	`recording_url` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `release_cycles`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "gatherings_starts_on" CHECK("starts_on" is null or "starts_on" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "gatherings_ends_on" CHECK("ends_on" is null or "ends_on" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "gatherings_dates_ordered" CHECK("ends_on" >= "starts_on")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `gatherings_slug_unique` ON `gatherings` (`slug`);--> statement-breakpoint
CREATE INDEX `gatherings_cycle_idx` ON `gatherings` (`cycle_id`,`starts_on`);--> statement-breakpoint
CREATE TABLE `health_definitions` (
	`health` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`meaning` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	CONSTRAINT "health_definitions_health" CHECK("health" in ('on_track', 'at_risk', 'off_track', 'blocked', 'done'))
);
--> statement-breakpoint
CREATE TABLE `help_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`cycle_id` integer NOT NULL,
	`roadmap_item_id` integer,
	`title` text NOT NULL,
	`details` text DEFAULT '' NOT NULL,
	`link_url` text,
	`contact` text DEFAULT '' NOT NULL,
	`owner_id` text,
	`taken_by_name` text,
	`status` text DEFAULT 'open' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`cycle_id`) REFERENCES `release_cycles`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`roadmap_item_id`) REFERENCES `roadmap_items`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`owner_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "help_requests_status" CHECK("status" in ('open', 'taken', 'resolved', 'dropped'))
);
--> statement-breakpoint
CREATE INDEX `help_requests_status_idx` ON `help_requests` (`status`,`cycle_id`,`team_id`);--> statement-breakpoint
CREATE INDEX `help_requests_team_idx` ON `help_requests` (`team_id`,`cycle_id`);--> statement-breakpoint
CREATE TABLE `metric_definitions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`label` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`unit` text NOT NULL,
	`direction` text DEFAULT 'higher_is_better' NOT NULL,
	`aggregation` text NOT NULL,
	`team_id` integer,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`retired` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "metric_definitions_unit" CHECK("unit" in ('count', 'percent')),
	CONSTRAINT "metric_definitions_direction" CHECK("direction" in ('higher_is_better', 'lower_is_better')),
	CONSTRAINT "metric_definitions_aggregation" CHECK("aggregation" in ('sum', 'latest', 'average')),
	CONSTRAINT "metric_definitions_key" CHECK("key" not glob '*[^a-z0-9_]*')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `metric_definitions_key_unique` ON `metric_definitions` (`key`);--> statement-breakpoint
CREATE INDEX `metric_definitions_team_idx` ON `metric_definitions` (`team_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `metric_values` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`metric_id` integer NOT NULL,
	`team_id` integer NOT NULL,
	`cycle_id` integer NOT NULL,
	`value` real NOT NULL,
	`observed_at` integer NOT NULL,
	`source_update_id` integer,
	`source_token_id` integer,
	`recorded_by_id` text,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`metric_id`) REFERENCES `metric_definitions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`cycle_id`) REFERENCES `release_cycles`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`source_update_id`) REFERENCES `updates`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`source_token_id`) REFERENCES `api_tokens`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `metric_values_cycle_idx` ON `metric_values` (`cycle_id`,`metric_id`,`observed_at`);--> statement-breakpoint
CREATE INDEX `metric_values_team_idx` ON `metric_values` (`team_id`,`metric_id`,`cycle_id`);--> statement-breakpoint
CREATE INDEX `metric_values_source_update_idx` ON `metric_values` (`source_update_id`);--> statement-breakpoint
CREATE TABLE `milestones` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`cycle_id` integer NOT NULL,
	`name` text NOT NULL,
	`due_on` text NOT NULL,
	`done_on` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `release_cycles`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "milestones_due_on" CHECK("due_on" is null or "due_on" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "milestones_done_on" CHECK("done_on" is null or "done_on" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `milestones_cycle_name_unique` ON `milestones` (`cycle_id`,`name`);--> statement-breakpoint
CREATE INDEX `milestones_cycle_due_idx` ON `milestones` (`cycle_id`,`due_on`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` text,
	`team_id` integer,
	`channel` text DEFAULT 'app' NOT NULL,
	`title` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`link_path` text,
	`read_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "notifications_channel" CHECK("channel" in ('app', 'email')),
	CONSTRAINT "notifications_addressee" CHECK("person_id" is not null or "team_id" is not null)
);
--> statement-breakpoint
CREATE INDEX `notifications_person_idx` ON `notifications` (`person_id`,`read_at`);--> statement-breakpoint
CREATE INDEX `notifications_team_idx` ON `notifications` (`team_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `people` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`email_verified` integer DEFAULT false NOT NULL,
	`image` text,
	`role` text DEFAULT 'member' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	CONSTRAINT "people_role" CHECK("role" in ('admin', 'release_manager', 'member'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `people_email_unique` ON `people` (lower("email"));--> statement-breakpoint
CREATE TABLE `release_cycles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`status` text DEFAULT 'planning' NOT NULL,
	`starts_on` text NOT NULL,
	`target_release_on` text NOT NULL,
	`released_on` text,
	`summary` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	CONSTRAINT "release_cycles_status" CHECK("status" in ('planning', 'active', 'released')),
	CONSTRAINT "release_cycles_starts_on" CHECK("starts_on" is null or "starts_on" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "release_cycles_target_release_on" CHECK("target_release_on" is null or "target_release_on" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "release_cycles_released_on" CHECK("released_on" is null or "released_on" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
	CONSTRAINT "release_cycles_dates_ordered" CHECK("target_release_on" >= "starts_on"),
	CONSTRAINT "release_cycles_slug" CHECK("slug" not glob '*[^a-z0-9.-]*')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `release_cycles_slug_unique` ON `release_cycles` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `release_cycles_name_unique` ON `release_cycles` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `release_cycles_one_active` ON `release_cycles` (`status`) WHERE "status" = 'active';--> statement-breakpoint
CREATE INDEX `release_cycles_starts_idx` ON `release_cycles` (`starts_on`);--> statement-breakpoint
CREATE TABLE `review_comments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`update_id` integer NOT NULL,
	`author_id` text,
	`reply_to_id` integer,
	`body` text NOT NULL,
	`requests_changes` integer DEFAULT false NOT NULL,
	`release_managers_only` integer DEFAULT false NOT NULL,
	`resolved_at` integer,
	`resolved_by_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`update_id`) REFERENCES `updates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`reply_to_id`) REFERENCES `review_comments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`resolved_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `review_comments_update_idx` ON `review_comments` (`update_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `roadmap_item_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`kind` text NOT NULL,
	`label` text NOT NULL,
	`url` text NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `roadmap_items`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "roadmap_item_links_kind" CHECK("kind" in ('storyboard', 'launchpad', 'gerrit', 'other'))
);
--> statement-breakpoint
CREATE INDEX `roadmap_item_links_item_idx` ON `roadmap_item_links` (`item_id`);--> statement-breakpoint
CREATE TABLE `roadmap_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`cycle_id` integer NOT NULL,
	`original_cycle_id` integer NOT NULL,
	`carried_from_id` integer,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`kind` text DEFAULT 'feature' NOT NULL,
	`help_wanted` integer DEFAULT false NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`cycle_id`) REFERENCES `release_cycles`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`original_cycle_id`) REFERENCES `release_cycles`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`carried_from_id`) REFERENCES `roadmap_items`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "roadmap_items_status" CHECK("status" in ('planned', 'in_progress', 'done', 'deferred', 'dropped')),
	CONSTRAINT "roadmap_items_kind" CHECK("kind" in ('feature', 'enhancement', 'maintenance', 'documentation', 'infrastructure'))
);
--> statement-breakpoint
CREATE INDEX `roadmap_items_cycle_team_idx` ON `roadmap_items` (`cycle_id`,`team_id`,`sort_order`);--> statement-breakpoint
CREATE INDEX `roadmap_items_team_idx` ON `roadmap_items` (`team_id`,`cycle_id`);--> statement-breakpoint
CREATE INDEX `roadmap_items_carried_idx` ON `roadmap_items` (`carried_from_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`token` text NOT NULL,
	`person_id` text NOT NULL,
	`expires_at` integer NOT NULL,
	`ip_address` text,
	`user_agent` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_token_unique` ON `sessions` (`token`);--> statement-breakpoint
CREATE INDEX `sessions_person_idx` ON `sessions` (`person_id`);--> statement-breakpoint
CREATE TABLE `team_leads` (
	`team_id` integer NOT NULL,
	`person_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`team_id`, `person_id`),
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `team_leads_person_idx` ON `team_leads` (`person_id`);--> statement-breakpoint
CREATE TABLE `team_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`kind` text NOT NULL,
	`label` text NOT NULL,
	`url` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "team_links_kind" CHECK("kind" in ('meetings', 'mailing_list', 'repository', 'docs', 'etherpad', 'recording', 'review_query', 'other'))
);
--> statement-breakpoint
CREATE INDEX `team_links_team_idx` ON `team_links` (`team_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `teams` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`mission` text DEFAULT '' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`shepherd_id` text,
	`archived` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`shepherd_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "teams_slug" CHECK("slug" glob '[a-z0-9]*' and "slug" not glob '*[^a-z0-9-]*')
);
--> statement-breakpoint
CREATE UNIQUE INDEX `teams_slug_unique` ON `teams` (`slug`);--> statement-breakpoint
CREATE INDEX `teams_listing_idx` ON `teams` (`archived`,`sort_order`);--> statement-breakpoint
CREATE TABLE `topic_action_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`topic_id` integer NOT NULL,
	`description` text NOT NULL,
	`owner_name` text DEFAULT '' NOT NULL,
	`owner_id` text,
	`status` text DEFAULT 'open' NOT NULL,
	`due_on` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`topic_id`) REFERENCES `community_topics`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`owner_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "topic_action_items_status" CHECK("status" in ('open', 'done')),
	CONSTRAINT "topic_action_items_due_on" CHECK("due_on" is null or "due_on" glob '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]')
);
--> statement-breakpoint
CREATE INDEX `topic_action_items_topic_idx` ON `topic_action_items` (`topic_id`);--> statement-breakpoint
CREATE TABLE `update_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`update_id` integer NOT NULL,
	`label` text NOT NULL,
	`url` text NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`update_id`) REFERENCES `updates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `update_links_update_idx` ON `update_links` (`update_id`,`sort_order`);--> statement-breakpoint
CREATE TABLE `update_reminders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`milestone_id` integer NOT NULL,
	`channels` text NOT NULL,
	`sent_by_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`milestone_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`sent_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "update_reminders_channels" CHECK(json_valid("channels"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `update_reminders_once` ON `update_reminders` (`team_id`,`milestone_id`);--> statement-breakpoint
CREATE TABLE `update_revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`update_id` integer NOT NULL,
	`version` integer NOT NULL,
	`editor_id` text,
	`snapshot` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`update_id`) REFERENCES `updates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`editor_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `update_revisions_version_unique` ON `update_revisions` (`update_id`,`version`);--> statement-breakpoint
CREATE TABLE `updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`team_id` integer NOT NULL,
	`cycle_id` integer NOT NULL,
	`gathering_id` integer,
	`author_id` text,
	`headline` text NOT NULL,
	`health` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`done` text DEFAULT '' NOT NULL,
	`in_progress` text DEFAULT '' NOT NULL,
	`planned` text DEFAULT '' NOT NULL,
	`risks` text DEFAULT '' NOT NULL,
	`help_wanted` text DEFAULT '' NOT NULL,
	`private_note` text DEFAULT '' NOT NULL,
	`state` text DEFAULT 'draft' NOT NULL,
	`review_state` text DEFAULT 'unreviewed' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`published_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`cycle_id`) REFERENCES `release_cycles`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`gathering_id`) REFERENCES `gatherings`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "updates_health" CHECK("health" in ('on_track', 'at_risk', 'off_track', 'blocked', 'done')),
	CONSTRAINT "updates_state" CHECK("state" in ('draft', 'published')),
	CONSTRAINT "updates_review_state" CHECK("review_state" in ('unreviewed', 'reviewed', 'changes_requested')),
	CONSTRAINT "updates_published_at" CHECK(("state" = 'published') = ("published_at" is not null)),
	CONSTRAINT "updates_version" CHECK("version" >= 1)
);
--> statement-breakpoint
CREATE INDEX `updates_cycle_team_idx` ON `updates` (`cycle_id`,`team_id`,`state`,`published_at`);--> statement-breakpoint
CREATE INDEX `updates_team_idx` ON `updates` (`team_id`,`state`,`published_at`);--> statement-breakpoint
CREATE INDEX `updates_published_idx` ON `updates` (`state`,`published_at`);--> statement-breakpoint
CREATE INDEX `updates_review_idx` ON `updates` (`cycle_id`,`review_state`);--> statement-breakpoint
CREATE TABLE `verifications` (
	`id` text PRIMARY KEY NOT NULL,
	`identifier` text NOT NULL,
	`value` text NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `verifications_identifier_idx` ON `verifications` (`identifier`);