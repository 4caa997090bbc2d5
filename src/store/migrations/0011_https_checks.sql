CREATE TABLE `https_checks` (
	`check_id` integer NOT NULL,
	`site_id` text NOT NULL,
	`host` text NOT NULL,
	`checked_at` text NOT NULL,
	`https` text NOT NULL,
	`http` text NOT NULL,
	`certificate` text,
	`tls_failure` text,
	`tls_error` text,
	PRIMARY KEY(`check_id`, `site_id`),
	FOREIGN KEY (`check_id`) REFERENCES `checks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
