CREATE TABLE `finals` (
	`event_id` integer PRIMARY KEY NOT NULL,
	`tournament_id` integer NOT NULL,
	`final_id` integer NOT NULL,
	`format_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tournament_id`) REFERENCES `tournaments`(`id`) ON UPDATE no action ON DELETE cascade
);
