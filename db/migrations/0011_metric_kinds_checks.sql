-- Metric kinds (0010) came as new columns, added with ALTER TABLE: a CHECK on them, or a
-- change to the CHECK on `unit`, would make drizzle-kit rebuild metric_definitions, and that
-- rebuild's DROP TABLE runs inside the migration's transaction, where PRAGMA foreign_keys=OFF
-- does nothing: the drop would cascade to every row of metric_values. These triggers check
-- what a CHECK would, and the metrics that were percents become percentages.
UPDATE `metric_definitions` SET `kind` = 'percentage' WHERE `unit` = 'percent';
--> statement-breakpoint
CREATE TRIGGER `metric_definitions_kind_insert` BEFORE INSERT ON `metric_definitions`
WHEN new.`kind` NOT IN ('count', 'percentage', 'decimal', 'duration', 'version')
	OR (new.`decimals` IS NOT NULL AND (new.`kind` <> 'decimal' OR new.`decimals` NOT BETWEEN 0 AND 6))
BEGIN
	SELECT RAISE(ABORT, 'CHECK constraint failed: metric_definitions_kind');
END;
--> statement-breakpoint
CREATE TRIGGER `metric_definitions_kind_update` BEFORE UPDATE OF `kind`, `decimals` ON `metric_definitions`
WHEN new.`kind` NOT IN ('count', 'percentage', 'decimal', 'duration', 'version')
	OR (new.`decimals` IS NOT NULL AND (new.`kind` <> 'decimal' OR new.`decimals` NOT BETWEEN 0 AND 6))
BEGIN
	SELECT RAISE(ABORT, 'CHECK constraint failed: metric_definitions_kind');
END;
--> statement-breakpoint
-- A site document exported before kinds carries no kind: its percent metrics are percentages too.
CREATE TRIGGER `metric_definitions_kind_from_unit` AFTER INSERT ON `metric_definitions`
WHEN new.`unit` = 'percent' AND new.`kind` = 'count'
BEGIN
	UPDATE `metric_definitions` SET `kind` = 'percentage' WHERE `id` = new.`id`;
END;
