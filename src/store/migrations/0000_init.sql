CREATE TABLE `check_sites` (
	`check_id` integer NOT NULL,
	`site_id` text NOT NULL,
	`crawl_state` text DEFAULT 'not-crawled' NOT NULL,
	`crawl_reason` text,
	`pages_fetched` integer DEFAULT 0 NOT NULL,
	`crawled_at` text,
	PRIMARY KEY(`check_id`, `site_id`),
	FOREIGN KEY (`check_id`) REFERENCES `checks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `checks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`quarter` text NOT NULL,
	`tier` text NOT NULL,
	`edition` text NOT NULL,
	`at` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `checks_quarter_tier` ON `checks` (`quarter`,`tier`);--> statement-breakpoint
CREATE TABLE `findings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`check_id` integer NOT NULL,
	`site_id` text NOT NULL,
	`rule` text NOT NULL,
	`code` text NOT NULL,
	`kind` text NOT NULL,
	`points` real DEFAULT 0 NOT NULL,
	`url` text,
	`message` text NOT NULL,
	`evidence` text NOT NULL,
	FOREIGN KEY (`check_id`) REFERENCES `checks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `findings_check_site` ON `findings` (`check_id`,`site_id`);--> statement-breakpoint
CREATE TABLE `items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`list_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`url` text,
	`date_text` text,
	`date` text,
	FOREIGN KEY (`list_id`) REFERENCES `lists`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `items_list` ON `items` (`list_id`);--> statement-breakpoint
CREATE TABLE `lists` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`check_id` integer NOT NULL,
	`site_id` text NOT NULL,
	`kind` text NOT NULL,
	`key` text NOT NULL,
	`url` text NOT NULL,
	`name` text NOT NULL,
	`level` integer,
	`source` text NOT NULL,
	`state` text NOT NULL,
	`state_reason` text,
	`pages_read` integer DEFAULT 0 NOT NULL,
	`more_url` text,
	FOREIGN KEY (`check_id`) REFERENCES `checks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `lists_check_site_key` ON `lists` (`check_id`,`site_id`,`key`);--> statement-breakpoint
CREATE TABLE `pages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`check_id` integer NOT NULL,
	`site_id` text NOT NULL,
	`url` text NOT NULL,
	`final_url` text,
	`kind` text NOT NULL,
	`status` integer,
	`content_type` text,
	`encoding` text,
	`fetched_at` text NOT NULL,
	`content_hash` text,
	`body` blob,
	`error` text,
	FOREIGN KEY (`check_id`) REFERENCES `checks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pages_check_url` ON `pages` (`check_id`,`url`);--> statement-breakpoint
CREATE INDEX `pages_check_site` ON `pages` (`check_id`,`site_id`);--> statement-breakpoint
CREATE TABLE `probes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`site_id` text NOT NULL,
	`url` text NOT NULL,
	`started_at` text NOT NULL,
	`ok` integer NOT NULL,
	`status` integer,
	`ms` integer,
	`bytes` integer,
	`failure` text,
	`error` text,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `probes_site_time` ON `probes` (`site_id`,`started_at`);--> statement-breakpoint
CREATE TABLE `sites` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`url` text NOT NULL,
	`sponsor` text,
	`level` text,
	`region` text,
	`parent_id` text,
	`status` text NOT NULL,
	`source_file` text,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `verdicts` (
	`check_id` integer NOT NULL,
	`site_id` text NOT NULL,
	`verdict` text NOT NULL,
	`score` real,
	`vetoes` text NOT NULL,
	`not_checked` text NOT NULL,
	`not_checked_reason` text,
	`judged_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`check_id`, `site_id`),
	FOREIGN KEY (`check_id`) REFERENCES `checks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
