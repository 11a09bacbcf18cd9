CREATE TABLE `follows` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` text NOT NULL,
	`team_id` integer,
	`cycle_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`cycle_id`) REFERENCES `release_cycles`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "follows_one_subject" CHECK(("team_id" is null) <> ("cycle_id" is null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `follows_team_unique` ON `follows` (`person_id`,`team_id`) WHERE "team_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX `follows_cycle_unique` ON `follows` (`person_id`,`cycle_id`) WHERE "cycle_id" is not null;--> statement-breakpoint
CREATE INDEX `follows_team_idx` ON `follows` (`team_id`);--> statement-breakpoint
CREATE INDEX `follows_cycle_idx` ON `follows` (`cycle_id`);--> statement-breakpoint
CREATE TABLE `notification_preferences` (
	`person_id` text NOT NULL,
	`kind` text NOT NULL,
	`email` text NOT NULL,
	PRIMARY KEY(`person_id`, `kind`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "notification_preferences_email" CHECK("email" in ('at_once', 'daily', 'off'))
);
--> statement-breakpoint
DROP TABLE `notifications`;