-- Shot positions were copied as millimetres (reals); they are integer hundredths of a mm now.
UPDATE `shots` SET `x` = CAST(ROUND(`x` * 100) AS INTEGER) WHERE `x` IS NOT NULL;--> statement-breakpoint
UPDATE `shots` SET `y` = CAST(ROUND(`y` * 100) AS INTEGER) WHERE `y` IS NOT NULL;--> statement-breakpoint
UPDATE `shot_conflicts` SET `x` = CAST(ROUND(`x` * 100) AS INTEGER) WHERE `x` IS NOT NULL;--> statement-breakpoint
UPDATE `shot_conflicts` SET `y` = CAST(ROUND(`y` * 100) AS INTEGER) WHERE `y` IS NOT NULL;
