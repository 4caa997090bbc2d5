CREATE TABLE `manual_findings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`quarter` text NOT NULL,
	`site_id` text NOT NULL,
	`rule` text NOT NULL,
	`code` text NOT NULL,
	`type_given` text NOT NULL,
	`url` text,
	`description` text NOT NULL,
	`inspector` text NOT NULL,
	`found_on` text NOT NULL,
	`screenshot_given` text,
	`screenshot_path` text,
	`source_file` text NOT NULL,
	`source_row` integer NOT NULL,
	`imported_at` text NOT NULL,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `manual_findings_key` ON `manual_findings` (`key`);--> statement-breakpoint
CREATE INDEX `manual_findings_quarter_site` ON `manual_findings` (`quarter`,`site_id`);--> statement-breakpoint
ALTER TABLE `findings` ADD `source` text DEFAULT 'checker' NOT NULL;--> statement-breakpoint
ALTER TABLE `findings` ADD `provenance` text;