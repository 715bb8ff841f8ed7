CREATE TABLE `scoring_devices` (
	`tournament_id` integer NOT NULL,
	`device_id` text NOT NULL,
	`label` text DEFAULT '' NOT NULL,
	`user_id` integer,
	`token_id` integer,
	`last_sync_at` integer NOT NULL,
	`pending` integer NOT NULL,
	`conflicts` integer NOT NULL,
	`ops_sent` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`tournament_id`, `device_id`),
	FOREIGN KEY (`tournament_id`) REFERENCES `tournaments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`token_id`) REFERENCES `api_tokens`(`id`) ON UPDATE no action ON DELETE set null
);
