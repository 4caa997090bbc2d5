CREATE TABLE `channels` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`check_id` integer NOT NULL,
	`site_id` text NOT NULL,
	`key` text NOT NULL,
	`name` text NOT NULL,
	`url` text NOT NULL,
	`found_on` text NOT NULL,
	`offsite` integer NOT NULL,
	`state` text NOT NULL,
	`reason` text,
	`http_status` integer,
	`pages_read` integer DEFAULT 0 NOT NULL,
	`covered` integer DEFAULT false NOT NULL,
	`answered_only` text,
	FOREIGN KEY (`check_id`) REFERENCES `checks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `channels_check_site_key` ON `channels` (`check_id`,`site_id`,`key`);--> statement-breakpoint
CREATE TABLE `messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title` text NOT NULL,
	`url` text,
	`asked_on` text,
	`replied_on` text,
	`status` text,
	`detail_read` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`channel_id`) REFERENCES `channels`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `messages_channel` ON `messages` (`channel_id`);