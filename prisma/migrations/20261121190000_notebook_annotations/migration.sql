-- Annotators own labels for notebook SQL cells, one row per annotator and
-- recording or region. Columns are documented in lib/notebooks/notebook-views.ts.
CREATE VIEW "notebook"."annotations" AS
SELECT
    a."id" AS annotation_id,
    a."recordingId" AS recording_id,
    CASE WHEN a."regionKey" = '' THEN NULL ELSE a."regionKey"::uuid END AS region_id,
    u."username" AS annotator_username,
    a."emotion" AS emotion,
    EXISTS (SELECT FROM "AnnotationAssignment" s WHERE s."recordingId" = a."recordingId" AND s."annotatorId" = a."annotatorId") AS assigned,
    a."createdAt" AT TIME ZONE 'UTC' AS created_at,
    a."updatedAt" AT TIME ZONE 'UTC' AS updated_at
FROM "Annotation" a
JOIN "User" u ON u."id" = a."annotatorId";
