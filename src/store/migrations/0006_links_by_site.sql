DROP INDEX `links_check_page_target`;--> statement-breakpoint
CREATE UNIQUE INDEX `links_check_site_page_target` ON `links` (`check_id`,`site_id`,`page_url`,`target`);