-- Full-text search over published updates, roadmap items and community topics (SQLite FTS5).
-- Triggers keep the index in step with every write, whoever makes it.
CREATE VIRTUAL TABLE `search_index` USING fts5(
	`kind` UNINDEXED,
	`ref_id` UNINDEXED,
	`team_id` UNINDEXED,
	`cycle_id` UNINDEXED,
	`health` UNINDEXED,
	`title`,
	`body`,
	tokenize = 'porter unicode61'
);
--> statement-breakpoint
CREATE TRIGGER `search_updates_insert` AFTER INSERT ON `updates` WHEN new.`state` = 'published' BEGIN
	INSERT INTO `search_index` (`kind`, `ref_id`, `team_id`, `cycle_id`, `health`, `title`, `body`)
	VALUES ('update', new.`id`, new.`team_id`, new.`cycle_id`, new.`health`, new.`headline`,
		new.`summary` || char(10) || new.`done` || char(10) || new.`in_progress` || char(10) || new.`planned` || char(10) || new.`risks` || char(10) || new.`help_wanted`);
END;
--> statement-breakpoint
CREATE TRIGGER `search_updates_update` AFTER UPDATE ON `updates` BEGIN
	DELETE FROM `search_index` WHERE `kind` = 'update' AND `ref_id` = old.`id`;
	INSERT INTO `search_index` (`kind`, `ref_id`, `team_id`, `cycle_id`, `health`, `title`, `body`)
	SELECT 'update', new.`id`, new.`team_id`, new.`cycle_id`, new.`health`, new.`headline`,
		new.`summary` || char(10) || new.`done` || char(10) || new.`in_progress` || char(10) || new.`planned` || char(10) || new.`risks` || char(10) || new.`help_wanted`
	WHERE new.`state` = 'published';
END;
--> statement-breakpoint
CREATE TRIGGER `search_updates_delete` AFTER DELETE ON `updates` BEGIN
	DELETE FROM `search_index` WHERE `kind` = 'update' AND `ref_id` = old.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `search_roadmap_insert` AFTER INSERT ON `roadmap_items` BEGIN
	INSERT INTO `search_index` (`kind`, `ref_id`, `team_id`, `cycle_id`, `health`, `title`, `body`)
	VALUES ('roadmap', new.`id`, new.`team_id`, new.`cycle_id`, NULL, new.`title`, new.`description`);
END;
--> statement-breakpoint
CREATE TRIGGER `search_roadmap_update` AFTER UPDATE ON `roadmap_items` BEGIN
	DELETE FROM `search_index` WHERE `kind` = 'roadmap' AND `ref_id` = old.`id`;
	INSERT INTO `search_index` (`kind`, `ref_id`, `team_id`, `cycle_id`, `health`, `title`, `body`)
	VALUES ('roadmap', new.`id`, new.`team_id`, new.`cycle_id`, NULL, new.`title`, new.`description`);
END;
--> statement-breakpoint
CREATE TRIGGER `search_roadmap_delete` AFTER DELETE ON `roadmap_items` BEGIN
	DELETE FROM `search_index` WHERE `kind` = 'roadmap' AND `ref_id` = old.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `search_topics_insert` AFTER INSERT ON `community_topics` BEGIN
	INSERT INTO `search_index` (`kind`, `ref_id`, `team_id`, `cycle_id`, `health`, `title`, `body`)
	VALUES ('topic', new.`id`, NULL, new.`cycle_id`, NULL, new.`title`, new.`notes` || char(10) || new.`decision`);
END;
--> statement-breakpoint
CREATE TRIGGER `search_topics_update` AFTER UPDATE ON `community_topics` BEGIN
	DELETE FROM `search_index` WHERE `kind` = 'topic' AND `ref_id` = old.`id`;
	INSERT INTO `search_index` (`kind`, `ref_id`, `team_id`, `cycle_id`, `health`, `title`, `body`)
	VALUES ('topic', new.`id`, NULL, new.`cycle_id`, NULL, new.`title`, new.`notes` || char(10) || new.`decision`);
END;
--> statement-breakpoint
CREATE TRIGGER `search_topics_delete` AFTER DELETE ON `community_topics` BEGIN
	DELETE FROM `search_index` WHERE `kind` = 'topic' AND `ref_id` = old.`id`;
END;
--> statement-breakpoint
INSERT INTO `search_index` (`kind`, `ref_id`, `team_id`, `cycle_id`, `health`, `title`, `body`)
SELECT 'update', `id`, `team_id`, `cycle_id`, `health`, `headline`,
	`summary` || char(10) || `done` || char(10) || `in_progress` || char(10) || `planned` || char(10) || `risks` || char(10) || `help_wanted`
FROM `updates` WHERE `state` = 'published';
--> statement-breakpoint
INSERT INTO `search_index` (`kind`, `ref_id`, `team_id`, `cycle_id`, `health`, `title`, `body`)
SELECT 'roadmap', `id`, `team_id`, `cycle_id`, NULL, `title`, `description` FROM `roadmap_items`;
--> statement-breakpoint
INSERT INTO `search_index` (`kind`, `ref_id`, `team_id`, `cycle_id`, `health`, `title`, `body`)
SELECT 'topic', `id`, NULL, `cycle_id`, NULL, `title`, `notes` || char(10) || `decision` FROM `community_topics`;
