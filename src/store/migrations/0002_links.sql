CREATE TABLE `link_checks` (
	`check_id` integer NOT NULL,
	`target` text NOT NULL,
	`status` text NOT NULL,
	`http` integer,
	`error` text,
	`attempts` integer NOT NULL,
	`checked_at` text NOT NULL,
	PRIMARY KEY(`check_id`, `target`),
	FOREIGN KEY (`check_id`) REFERENCES `checks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`check_id` integer NOT NULL,
	`site_id` text NOT NULL,
	`page_url` text NOT NULL,
	`on_homepage` integer NOT NULL,
	`target` text NOT NULL,
	`tag` text NOT NULL,
	`text` text,
	FOREIGN KEY (`check_id`) REFERENCES `checks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `links_check_page_target` ON `links` (`check_id`,`page_url`,`target`);--> statement-breakpoint
CREATE INDEX `links_check_target` ON `links` (`check_id`,`target`);