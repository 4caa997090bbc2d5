CREATE TABLE `page_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`check_id` integer NOT NULL,
	`site_id` text NOT NULL,
	`page_url` text NOT NULL,
	`on_homepage` integer NOT NULL,
	`links` text NOT NULL,
	FOREIGN KEY (`check_id`) REFERENCES `checks`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`site_id`) REFERENCES `sites`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `page_links_check_site_page` ON `page_links` (`check_id`,`site_id`,`page_url`);--> statement-breakpoint
INSERT INTO `page_links` (`check_id`, `site_id`, `page_url`, `on_homepage`, `links`)
  SELECT `check_id`, `site_id`, `page_url`, max(`on_homepage`), json_group_array(json_array(`target`, `tag`, `text`) ORDER BY `id`)
  FROM `links` GROUP BY `check_id`, `site_id`, `page_url` ORDER BY min(`id`);
