CREATE TABLE `link_hosts` (
	`check_id` integer NOT NULL,
	`host` text NOT NULL,
	`checked_at` text NOT NULL,
	`lapsed` text,
	`site` text,
	PRIMARY KEY(`check_id`, `host`),
	FOREIGN KEY (`check_id`) REFERENCES `checks`(`id`) ON UPDATE no action ON DELETE no action
);
