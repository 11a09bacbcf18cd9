ALTER TABLE `gatherings` ADD `wraps_cycle_id` integer REFERENCES release_cycles(id) ON DELETE restrict;--> statement-breakpoint
ALTER TABLE `gatherings` ADD `recap_intro` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `gatherings` ADD `recap_closing` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `gatherings` ADD `recap_teams` text;--> statement-breakpoint
ALTER TABLE `gatherings` ADD `recap_sections` text;--> statement-breakpoint
ALTER TABLE `gatherings` ADD `recap_author_id` text REFERENCES people(id) ON DELETE set null;