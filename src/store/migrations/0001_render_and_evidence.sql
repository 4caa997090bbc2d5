CREATE TABLE `evidence` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`check_id` integer NOT NULL,
	`site_id` text NOT NULL,
	`url` text NOT NULL,
	`path` text,
	`captured_at` text NOT NULL,
	`width` integer,
	`height` integer,
	`error` text,
	FOREIGN KEY (`check_id`) REFERENCES `checks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evidence_check_url` ON `evidence` (`check_id`,`url`);--> statement-breakpoint
DROP INDEX `pages_check_url`;--> statement-breakpoint
ALTER TABLE `pages` ADD `rendered` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `pages_check_url_rendered` ON `pages` (`check_id`,`url`,`rendered`);--> statement-breakpoint
ALTER TABLE `sites` ADD `render` text;