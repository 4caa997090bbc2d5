CREATE TABLE `lower_verdicts` (
	`check_id` integer NOT NULL,
	`site_id` text NOT NULL,
	`tier` text NOT NULL,
	`quarter` text NOT NULL,
	`source` text NOT NULL,
	`verdict` text NOT NULL,
	`findings` text NOT NULL,
	PRIMARY KEY(`check_id`, `site_id`),
	FOREIGN KEY (`check_id`) REFERENCES `checks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `checks` ADD `sample` text;--> statement-breakpoint
ALTER TABLE `findings` ADD `ignored` text;