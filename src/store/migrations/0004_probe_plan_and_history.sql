CREATE TABLE `homepage_items` (
	`site_id` text NOT NULL,
	`item_key` text NOT NULL,
	`title` text NOT NULL,
	`date_text` text,
	`first_seen_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	PRIMARY KEY(`site_id`, `item_key`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `probe_plan` (
	`site_id` text NOT NULL,
	`due_at` text NOT NULL,
	`done_at` text,
	`probe_id` integer,
	PRIMARY KEY(`site_id`, `due_at`),
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `probe_plan_due` ON `probe_plan` (`done_at`,`due_at`);--> statement-breakpoint
ALTER TABLE `probes` ADD `dns_ms` integer;--> statement-breakpoint
ALTER TABLE `probes` ADD `connect_ms` integer;--> statement-breakpoint
ALTER TABLE `probes` ADD `tls_ms` integer;--> statement-breakpoint
ALTER TABLE `probes` ADD `first_byte_ms` integer;--> statement-breakpoint
ALTER TABLE `probes` ADD `final_url` text;--> statement-breakpoint
ALTER TABLE `probes` ADD `items_hash` text;--> statement-breakpoint
ALTER TABLE `probes` ADD `item_dates` text;