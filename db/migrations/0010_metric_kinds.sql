ALTER TABLE `metric_definitions` ADD `kind` text DEFAULT 'count' NOT NULL;--> statement-breakpoint
ALTER TABLE `metric_definitions` ADD `decimals` integer;--> statement-breakpoint
ALTER TABLE `metric_values` ADD `entered` text;