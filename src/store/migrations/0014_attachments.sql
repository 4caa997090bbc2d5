CREATE TABLE `attachment_scans` (
	`check_id` integer NOT NULL,
	`site_id` text NOT NULL,
	`found` integer NOT NULL,
	`omitted` integer NOT NULL,
	`scanned_at` text NOT NULL,
	PRIMARY KEY(`check_id`, `site_id`),
	FOREIGN KEY (`check_id`) REFERENCES `checks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `attachments` (
	`check_id` integer NOT NULL,
	`site_id` text NOT NULL,
	`url` text NOT NULL,
	`found_on` text NOT NULL,
	`link_text` text,
	`format` text,
	`state` text NOT NULL,
	`reason` text,
	`bytes` integer,
	`rows` blob,
	`fetched_at` text NOT NULL,
	PRIMARY KEY(`check_id`, `site_id`, `url`),
	FOREIGN KEY (`check_id`) REFERENCES `checks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
