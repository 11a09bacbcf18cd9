ALTER TABLE `help_requests` ADD `asked_in_cycle_id` integer REFERENCES release_cycles(id);--> statement-breakpoint
ALTER TABLE `metric_definitions` ADD `kind` text DEFAULT 'count' NOT NULL;--> statement-breakpoint
ALTER TABLE `metric_definitions` ADD `decimals` integer;--> statement-breakpoint
ALTER TABLE `metric_values` ADD `entered` text;--> statement-breakpoint
ALTER TABLE `updates` ADD `entered_at` integer;