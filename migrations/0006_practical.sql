CREATE TABLE `practical_divisions` (
	`event_id` integer NOT NULL,
	`tournament_id` integer NOT NULL,
	`division` text NOT NULL,
	PRIMARY KEY(`event_id`, `division`),
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tournament_id`) REFERENCES `tournaments`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `practical_divisions_tournament` ON `practical_divisions` (`tournament_id`);--> statement-breakpoint
CREATE TABLE `practical_entries` (
	`entry_id` text PRIMARY KEY NOT NULL,
	`tournament_id` integer NOT NULL,
	`division` text NOT NULL,
	`power_factor` text NOT NULL,
	`category` text,
	`dq_at` integer,
	`dq_reason` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `practical_entries_tournament` ON `practical_entries` (`tournament_id`);--> statement-breakpoint
CREATE TABLE `practical_stages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tournament_id` integer NOT NULL,
	`event_id` integer NOT NULL,
	`number` integer NOT NULL,
	`name` text NOT NULL,
	`scoring` text DEFAULT 'comstock' NOT NULL,
	`paper_targets` integer NOT NULL,
	`steel_targets` integer NOT NULL,
	FOREIGN KEY (`tournament_id`) REFERENCES `tournaments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `practical_stages_event` ON `practical_stages` (`event_id`);--> statement-breakpoint
CREATE INDEX `practical_stages_tournament` ON `practical_stages` (`tournament_id`);--> statement-breakpoint
CREATE TABLE `stage_score_conflicts` (
	`op_id` text PRIMARY KEY NOT NULL,
	`tournament_id` integer NOT NULL,
	`entry_id` text NOT NULL,
	`stage_id` integer NOT NULL,
	`standing` text NOT NULL,
	`standing_op_id` text NOT NULL,
	`incoming` text NOT NULL,
	`actor_id` integer,
	`recorded_at` integer NOT NULL,
	`resolved_at` integer
);
--> statement-breakpoint
CREATE INDEX `stage_score_conflicts_tournament` ON `stage_score_conflicts` (`tournament_id`,`resolved_at`);--> statement-breakpoint
CREATE TABLE `stage_scores` (
	`entry_id` text NOT NULL,
	`stage_id` integer NOT NULL,
	`tournament_id` integer NOT NULL,
	`a` integer NOT NULL,
	`c` integer NOT NULL,
	`d` integer NOT NULL,
	`miss` integer NOT NULL,
	`no_shoot` integer NOT NULL,
	`procedural` integer NOT NULL,
	`time_hundredths` integer NOT NULL,
	`op_id` text NOT NULL,
	`entered_at` integer NOT NULL,
	`confirmed_at` integer,
	`rev` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`entry_id`, `stage_id`)
);
--> statement-breakpoint
CREATE INDEX `stage_scores_tournament` ON `stage_scores` (`tournament_id`);--> statement-breakpoint
ALTER TABLE `events` ADD `match_shape` text DEFAULT 'shots' NOT NULL;