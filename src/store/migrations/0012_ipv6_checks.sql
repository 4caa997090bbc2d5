CREATE TABLE `ipv6_checks` (
	`check_id` integer NOT NULL,
	`site_id` text NOT NULL,
	`host` text NOT NULL,
	`checked_at` text NOT NULL,
	`no_route` text,
	`aaaa` text NOT NULL,
	`dns_error` text,
	`homepage` text,
	`link_hosts` text NOT NULL,
	`link_hosts_omitted` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`check_id`, `site_id`),
	FOREIGN KEY (`check_id`) REFERENCES `checks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
