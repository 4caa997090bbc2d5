CREATE TABLE `function_checks` (
	`check_id` integer NOT NULL,
	`site_id` text NOT NULL,
	`kind` text NOT NULL,
	`checked_at` text NOT NULL,
	`data` text NOT NULL,
	PRIMARY KEY(`check_id`, `site_id`, `kind`),
	FOREIGN KEY (`check_id`) REFERENCES `checks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
