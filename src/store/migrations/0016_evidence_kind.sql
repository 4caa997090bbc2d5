DROP INDEX `evidence_check_url`;--> statement-breakpoint
ALTER TABLE `evidence` ADD `kind` text DEFAULT 'page' NOT NULL;--> statement-breakpoint
ALTER TABLE `evidence` ADD `note` text;--> statement-breakpoint
CREATE UNIQUE INDEX `evidence_check_url_kind` ON `evidence` (`check_id`,`url`,`kind`);