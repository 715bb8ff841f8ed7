CREATE TABLE `checkout_payments` (
	`id` text PRIMARY KEY NOT NULL,
	`tournament_id` integer NOT NULL,
	`entry_id` text NOT NULL,
	`attempt` integer NOT NULL,
	`account_id` text NOT NULL,
	`amount_cents` integer NOT NULL,
	`currency` text NOT NULL,
	`platform_fee_cents` integer DEFAULT 0 NOT NULL,
	`status` text NOT NULL,
	`payment_intent` text,
	`paid_at` integer,
	`outcome` text,
	`refund_due_cents` integer DEFAULT 0 NOT NULL,
	`refund_since` integer,
	`refund_reason` text,
	`refunded_cents` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `checkout_payments_tournament` ON `checkout_payments` (`tournament_id`,`status`);--> statement-breakpoint
CREATE INDEX `checkout_payments_entry` ON `checkout_payments` (`entry_id`);--> statement-breakpoint
CREATE TABLE `stripe_accounts` (
	`user_id` integer PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`charges_enabled` integer DEFAULT 0 NOT NULL,
	`details_submitted` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `stripe_accounts_account_id_unique` ON `stripe_accounts` (`account_id`);--> statement-breakpoint
CREATE TABLE `stripe_events` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`account_id` text,
	`received_at` integer NOT NULL,
	`handled_at` integer
);
--> statement-breakpoint
CREATE TABLE `tournament_payment_settings` (
	`tournament_id` integer PRIMARY KEY NOT NULL,
	`hold_minutes` integer DEFAULT 30 NOT NULL,
	`refund_full_until` integer,
	`refund_share_percent` integer DEFAULT 100 NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`tournament_id`) REFERENCES `tournaments`(`id`) ON UPDATE no action ON DELETE cascade
);
