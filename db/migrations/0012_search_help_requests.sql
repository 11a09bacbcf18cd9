-- Help requests still wanted (open or taken) join the search index, and a search reads a
-- bounded part of it. Each index row's rowid now orders rows by when they were last written
-- (the row's updated_at, in seconds, × 2^20, plus a slot within that second), so "the newest
-- N matches" is one FTS5 scan that stops after N, whatever the order rows were loaded in
-- (an import keeps its dates). search_rows remembers each row's rowid, so a trigger replaces a
-- row without scanning the index. A facets column holds a row's cycle, team and health as
-- words ("cycle3 team12 healthatrisk"), so filters are part of the FTS5 match, not a read of
-- every matching row. Every table's triggers write through one view, search_entries, whose
-- INSTEAD OF triggers are the one place that computes rowids and facets.
DROP TRIGGER `search_updates_insert`;
--> statement-breakpoint
DROP TRIGGER `search_updates_update`;
--> statement-breakpoint
DROP TRIGGER `search_updates_delete`;
--> statement-breakpoint
DROP TRIGGER `search_roadmap_insert`;
--> statement-breakpoint
DROP TRIGGER `search_roadmap_update`;
--> statement-breakpoint
DROP TRIGGER `search_roadmap_delete`;
--> statement-breakpoint
DROP TRIGGER `search_topics_insert`;
--> statement-breakpoint
DROP TRIGGER `search_topics_update`;
--> statement-breakpoint
DROP TRIGGER `search_topics_delete`;
--> statement-breakpoint
DROP TABLE `search_index`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_index` USING fts5(
	`kind` UNINDEXED,
	`ref_id` UNINDEXED,
	`team_id` UNINDEXED,
	`cycle_id` UNINDEXED,
	`health` UNINDEXED,
	`title`,
	`body`,
	`facets`,
	tokenize = 'porter unicode61'
);
--> statement-breakpoint
CREATE TABLE `search_rows` (
	`id` integer PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`ref_id` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_rows_ref_idx` ON `search_rows` (`kind`, `ref_id`);
--> statement-breakpoint
CREATE VIEW `search_entries` AS
	SELECT `kind`, `ref_id`, NULL AS `written_at`, NULL AS `team_id`, NULL AS `cycle_id`, NULL AS `health`, NULL AS `title`, NULL AS `body`
	FROM `search_rows`;
--> statement-breakpoint
-- The next free slot in the row's second; a full second (2^20 rows) falls back to after the newest row.
CREATE TRIGGER `search_entries_insert` INSTEAD OF INSERT ON `search_entries` BEGIN
	INSERT INTO `search_rows` (`id`, `kind`, `ref_id`)
	VALUES (
		coalesce(
			(SELECT CASE
				WHEN max(`id`) IS NULL THEN new.`written_at` / 1000 * 1048576
				WHEN max(`id`) < new.`written_at` / 1000 * 1048576 + 1048575 THEN max(`id`) + 1
			END
			FROM `search_rows`
			WHERE `id` >= new.`written_at` / 1000 * 1048576 AND `id` < new.`written_at` / 1000 * 1048576 + 1048576),
			(SELECT max(`id`) + 1 FROM `search_rows`)
		),
		new.`kind`,
		new.`ref_id`
	);
	INSERT INTO `search_index` (`rowid`, `kind`, `ref_id`, `team_id`, `cycle_id`, `health`, `title`, `body`, `facets`)
	SELECT `id`, new.`kind`, new.`ref_id`, new.`team_id`, new.`cycle_id`, new.`health`, new.`title`, new.`body`,
		trim(coalesce('cycle' || new.`cycle_id`, '') || coalesce(' team' || new.`team_id`, '') || coalesce(' health' || replace(new.`health`, '_', ''), ''))
	FROM `search_rows` WHERE `kind` = new.`kind` AND `ref_id` = new.`ref_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `search_entries_delete` INSTEAD OF DELETE ON `search_entries` BEGIN
	DELETE FROM `search_index` WHERE `rowid` = (SELECT `id` FROM `search_rows` WHERE `kind` = old.`kind` AND `ref_id` = old.`ref_id`);
	DELETE FROM `search_rows` WHERE `kind` = old.`kind` AND `ref_id` = old.`ref_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `search_updates_insert` AFTER INSERT ON `updates` WHEN new.`state` = 'published' BEGIN
	INSERT INTO `search_entries` (`kind`, `ref_id`, `written_at`, `team_id`, `cycle_id`, `health`, `title`, `body`)
	VALUES ('update', new.`id`, new.`updated_at`, new.`team_id`, new.`cycle_id`, new.`health`, new.`headline`,
		new.`summary` || char(10) || new.`done` || char(10) || new.`in_progress` || char(10) || new.`planned` || char(10) || new.`risks` || char(10) || new.`help_wanted`);
END;
--> statement-breakpoint
CREATE TRIGGER `search_updates_update` AFTER UPDATE OF `state`, `team_id`, `cycle_id`, `health`, `headline`, `summary`, `done`, `in_progress`, `planned`, `risks`, `help_wanted` ON `updates` BEGIN
	DELETE FROM `search_entries` WHERE `kind` = 'update' AND `ref_id` = old.`id`;
	INSERT INTO `search_entries` (`kind`, `ref_id`, `written_at`, `team_id`, `cycle_id`, `health`, `title`, `body`)
	SELECT 'update', new.`id`, new.`updated_at`, new.`team_id`, new.`cycle_id`, new.`health`, new.`headline`,
		new.`summary` || char(10) || new.`done` || char(10) || new.`in_progress` || char(10) || new.`planned` || char(10) || new.`risks` || char(10) || new.`help_wanted`
	WHERE new.`state` = 'published';
END;
--> statement-breakpoint
CREATE TRIGGER `search_updates_delete` AFTER DELETE ON `updates` BEGIN
	DELETE FROM `search_entries` WHERE `kind` = 'update' AND `ref_id` = old.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `search_roadmap_insert` AFTER INSERT ON `roadmap_items` BEGIN
	INSERT INTO `search_entries` (`kind`, `ref_id`, `written_at`, `team_id`, `cycle_id`, `health`, `title`, `body`)
	VALUES ('roadmap', new.`id`, new.`updated_at`, new.`team_id`, new.`cycle_id`, NULL, new.`title`, new.`description`);
END;
--> statement-breakpoint
CREATE TRIGGER `search_roadmap_update` AFTER UPDATE OF `team_id`, `cycle_id`, `title`, `description` ON `roadmap_items` BEGIN
	DELETE FROM `search_entries` WHERE `kind` = 'roadmap' AND `ref_id` = old.`id`;
	INSERT INTO `search_entries` (`kind`, `ref_id`, `written_at`, `team_id`, `cycle_id`, `health`, `title`, `body`)
	VALUES ('roadmap', new.`id`, new.`updated_at`, new.`team_id`, new.`cycle_id`, NULL, new.`title`, new.`description`);
END;
--> statement-breakpoint
CREATE TRIGGER `search_roadmap_delete` AFTER DELETE ON `roadmap_items` BEGIN
	DELETE FROM `search_entries` WHERE `kind` = 'roadmap' AND `ref_id` = old.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `search_topics_insert` AFTER INSERT ON `community_topics` BEGIN
	INSERT INTO `search_entries` (`kind`, `ref_id`, `written_at`, `team_id`, `cycle_id`, `health`, `title`, `body`)
	VALUES ('topic', new.`id`, new.`updated_at`, NULL, new.`cycle_id`, NULL, new.`title`, new.`notes` || char(10) || new.`decision`);
END;
--> statement-breakpoint
CREATE TRIGGER `search_topics_update` AFTER UPDATE OF `cycle_id`, `title`, `notes`, `decision` ON `community_topics` BEGIN
	DELETE FROM `search_entries` WHERE `kind` = 'topic' AND `ref_id` = old.`id`;
	INSERT INTO `search_entries` (`kind`, `ref_id`, `written_at`, `team_id`, `cycle_id`, `health`, `title`, `body`)
	VALUES ('topic', new.`id`, new.`updated_at`, NULL, new.`cycle_id`, NULL, new.`title`, new.`notes` || char(10) || new.`decision`);
END;
--> statement-breakpoint
CREATE TRIGGER `search_topics_delete` AFTER DELETE ON `community_topics` BEGIN
	DELETE FROM `search_entries` WHERE `kind` = 'topic' AND `ref_id` = old.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `search_help_insert` AFTER INSERT ON `help_requests` WHEN new.`status` IN ('open', 'taken') BEGIN
	INSERT INTO `search_entries` (`kind`, `ref_id`, `written_at`, `team_id`, `cycle_id`, `health`, `title`, `body`)
	VALUES ('help', new.`id`, new.`updated_at`, new.`team_id`, new.`cycle_id`, NULL, new.`title`, new.`details` || char(10) || new.`contact`);
END;
--> statement-breakpoint
CREATE TRIGGER `search_help_update` AFTER UPDATE OF `status`, `team_id`, `cycle_id`, `title`, `details`, `contact` ON `help_requests` BEGIN
	DELETE FROM `search_entries` WHERE `kind` = 'help' AND `ref_id` = old.`id`;
	INSERT INTO `search_entries` (`kind`, `ref_id`, `written_at`, `team_id`, `cycle_id`, `health`, `title`, `body`)
	SELECT 'help', new.`id`, new.`updated_at`, new.`team_id`, new.`cycle_id`, NULL, new.`title`, new.`details` || char(10) || new.`contact`
	WHERE new.`status` IN ('open', 'taken');
END;
--> statement-breakpoint
CREATE TRIGGER `search_help_delete` AFTER DELETE ON `help_requests` BEGIN
	DELETE FROM `search_entries` WHERE `kind` = 'help' AND `ref_id` = old.`id`;
END;
--> statement-breakpoint
INSERT INTO `search_entries` (`kind`, `ref_id`, `written_at`, `team_id`, `cycle_id`, `health`, `title`, `body`)
SELECT 'update', `id`, `updated_at`, `team_id`, `cycle_id`, `health`, `headline`,
	`summary` || char(10) || `done` || char(10) || `in_progress` || char(10) || `planned` || char(10) || `risks` || char(10) || `help_wanted`
FROM `updates` WHERE `state` = 'published';
--> statement-breakpoint
INSERT INTO `search_entries` (`kind`, `ref_id`, `written_at`, `team_id`, `cycle_id`, `health`, `title`, `body`)
SELECT 'roadmap', `id`, `updated_at`, `team_id`, `cycle_id`, NULL, `title`, `description` FROM `roadmap_items`;
--> statement-breakpoint
INSERT INTO `search_entries` (`kind`, `ref_id`, `written_at`, `team_id`, `cycle_id`, `health`, `title`, `body`)
SELECT 'topic', `id`, `updated_at`, NULL, `cycle_id`, NULL, `title`, `notes` || char(10) || `decision` FROM `community_topics`;
--> statement-breakpoint
INSERT INTO `search_entries` (`kind`, `ref_id`, `written_at`, `team_id`, `cycle_id`, `health`, `title`, `body`)
SELECT 'help', `id`, `updated_at`, `team_id`, `cycle_id`, NULL, `title`, `details` || char(10) || `contact`
FROM `help_requests` WHERE `status` IN ('open', 'taken');
