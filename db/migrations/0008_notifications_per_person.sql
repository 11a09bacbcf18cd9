CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` text NOT NULL,
	`kind` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`title` text NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`link_path` text NOT NULL,
	`read_at` integer,
	`mailed_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `notifications_person_idx` ON `notifications` (`person_id`,`read_at`);--> statement-breakpoint
CREATE INDEX `notifications_inbox_idx` ON `notifications` (`person_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `notifications_mail_idx` ON `notifications` (`mailed_at`) WHERE "mailed_at" is null;--> statement-breakpoint
CREATE INDEX `notifications_subject_idx` ON `notifications` (`subject_type`,`subject_id`,`kind`);