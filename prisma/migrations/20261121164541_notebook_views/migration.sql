-- Read-only views for notebook SQL cells, in their own schema. Notebook
-- queries run as the role resonance_notebook_reader, which may read these
-- views and nothing else. Views run with the rights of their owner, so the
-- role needs no rights on the tables underneath. Columns are documented in
-- lib/notebooks/notebook-views.ts and must change together with it.
-- The role and its grants are not made here: creating a role needs CREATEROLE,
-- which the application user of a team server may lack, and a migration that
-- fails would stop the server from starting. lib/db/notebook-reader-role.ts
-- sets them up when notebook SQL first runs and says what an administrator
-- must do when it cannot.

CREATE SCHEMA "notebook";

-- CreateView
CREATE VIEW "notebook"."corpora" AS
SELECT
    c."id" AS corpus_id,
    c."name" AS name,
    c."description" AS description,
    c."metadata" AS metadata,
    c."createdAt" AT TIME ZONE 'UTC' AS created_at
FROM "Corpus" c;

-- CreateView
CREATE VIEW "notebook"."patients" AS
SELECT
    p."id" AS patient_id,
    p."corpusId" AS corpus_id,
    c."name" AS corpus_name,
    p."code" AS code,
    p."metadata" AS metadata,
    p."createdAt" AT TIME ZONE 'UTC' AS created_at,
    (SELECT count(*) FROM "StudySession" s WHERE s."patientId" = p."id")::integer AS session_count,
    (SELECT count(*) FROM "Recording" r WHERE r."patientId" = p."id")::integer AS recording_count
FROM "Patient" p
JOIN "Corpus" c ON c."id" = p."corpusId";

-- CreateView
CREATE VIEW "notebook"."sessions" AS
SELECT
    s."id" AS session_id,
    s."patientId" AS patient_id,
    p."code" AS patient_code,
    p."corpusId" AS corpus_id,
    s."code" AS code,
    s."date" AS date,
    s."ordinal" AS ordinal,
    s."metadata" AS metadata,
    s."createdAt" AT TIME ZONE 'UTC' AS created_at,
    (SELECT count(*) FROM "Recording" r WHERE r."sessionId" = s."id")::integer AS recording_count
FROM "StudySession" s
JOIN "Patient" p ON p."id" = s."patientId";

-- CreateView
CREATE VIEW "notebook"."cohorts" AS
SELECT
    h."id" AS cohort_id,
    h."corpusId" AS corpus_id,
    c."name" AS corpus_name,
    h."name" AS name,
    h."description" AS description,
    h."createdAt" AT TIME ZONE 'UTC' AS created_at,
    (SELECT count(*) FROM "CohortMembership" m WHERE m."cohortId" = h."id")::integer AS patient_count
FROM "Cohort" h
JOIN "Corpus" c ON c."id" = h."corpusId";

-- CreateView
CREATE VIEW "notebook"."cohort_members" AS
SELECT
    m."cohortId" AS cohort_id,
    h."name" AS cohort_name,
    m."patientId" AS patient_id,
    p."code" AS patient_code,
    h."corpusId" AS corpus_id,
    m."createdAt" AT TIME ZONE 'UTC' AS added_at
FROM "CohortMembership" m
JOIN "Cohort" h ON h."id" = m."cohortId"
JOIN "Patient" p ON p."id" = m."patientId";

-- CreateView
CREATE VIEW "notebook"."recordings" AS
SELECT
    r."id" AS recording_id,
    r."corpusId" AS corpus_id,
    c."name" AS corpus_name,
    r."patientId" AS patient_id,
    p."code" AS patient_code,
    r."sessionId" AS session_id,
    s."code" AS session_code,
    s."date" AS session_date,
    s."ordinal" AS session_ordinal,
    r."originalName" AS original_name,
    r."format" AS format,
    r."durationSeconds" AS duration_seconds,
    r."sampleRate" AS sample_rate,
    r."channels" AS channels,
    r."trackIndex" AS track_index,
    r."sizeBytes" AS size_bytes,
    r."contentHash" AS content_hash,
    r."analysisHash" AS analysis_hash,
    r."qualityFlags" AS quality_flags,
    r."quality" AS quality,
    r."metadata" AS metadata,
    r."labelStatus" AS label_status,
    r."humanEmotion" AS human_emotion,
    r."modelEmotion" AS model_emotion,
    r."modelConfidence" AS model_confidence,
    r."note" AS note,
    r."reviewedAt" AT TIME ZONE 'UTC' AS reviewed_at,
    r."createdAt" AT TIME ZONE 'UTC' AS created_at,
    r."updatedAt" AT TIME ZONE 'UTC' AS updated_at
FROM "Recording" r
JOIN "Corpus" c ON c."id" = r."corpusId"
LEFT JOIN "Patient" p ON p."id" = r."patientId"
LEFT JOIN "StudySession" s ON s."id" = r."sessionId";

-- CreateView
CREATE VIEW "notebook"."labels" AS
SELECT
    l."id" AS label_id,
    l."recordingId" AS recording_id,
    l."regionId" AS region_id,
    g."startSeconds" AS start_seconds,
    g."endSeconds" AS end_seconds,
    l."emotion" AS emotion,
    l."source"::text AS source,
    u."username" AS author_username,
    m."modelKey" AS model_key,
    m."version" AS model_version,
    l."confidence" AS confidence,
    l."note" AS note,
    l."createdAt" AT TIME ZONE 'UTC' AS created_at,
    l."supersededById" AS superseded_by_id,
    (l."supersededById" IS NULL AND g."deletedAt" IS NULL) AS is_current,
    (g."deletedAt" IS NOT NULL) AS region_deleted
FROM "Label" l
LEFT JOIN "Region" g ON g."id" = l."regionId"
LEFT JOIN "User" u ON u."id" = l."authorId"
LEFT JOIN "Model" m ON m."id" = l."modelId";

-- CreateView
CREATE VIEW "notebook"."label_history" AS
SELECT
    e."id" AS edit_id,
    e."recordingId" AS recording_id,
    e."regionId" AS region_id,
    e."version" AS version,
    e."kind" AS kind,
    e."source"::text AS source,
    u."username" AS author_username,
    e."before" AS before,
    e."after" AS after,
    e."state" AS state,
    e."undoneAt" AT TIME ZONE 'UTC' AS undone_at,
    e."createdAt" AT TIME ZONE 'UTC' AS created_at
FROM "LabelEdit" e
LEFT JOIN "User" u ON u."id" = e."authorId";

-- CreateView
CREATE VIEW "notebook"."analyses" AS
SELECT
    r."id" AS recording_id,
    a."id" AS analysis_id,
    a."modelId" AS model_id,
    m."modelKey" AS model_key,
    m."version" AS model_version,
    m."name" AS model_name,
    a."audioHash" AS audio_hash,
    a."startSeconds" AS start_seconds,
    a."endSeconds" AS end_seconds,
    (a."rangeKey" = '') AS whole_recording,
    p.angry,
    p.disgusted,
    p.fearful,
    p.happy,
    p.neutral,
    p.other,
    p.sad,
    p.surprised,
    p.unknown,
    t.label AS top_label,
    t.score AS top_confidence,
    a."frameRate" AS frame_rate,
    a."frameCount" AS frame_count,
    a."embeddingDim" AS embedding_dim,
    a."executionProvider" AS execution_provider,
    a."createdAt" AT TIME ZONE 'UTC' AS created_at
FROM "Analysis" a
JOIN "Model" m ON m."id" = a."modelId"
JOIN "Recording" r ON r."analysisHash" = a."audioHash"
CROSS JOIN LATERAL (
    SELECT CASE
        WHEN a."utteranceScores" -> 'labels' = '["angry", "disgusted", "fearful", "happy", "neutral", "other", "sad", "surprised", "unknown"]'::jsonb
            AND jsonb_typeof(a."utteranceScores" -> 'scores') = 'array'
            AND jsonb_array_length(a."utteranceScores" -> 'scores') = 9
        THEN a."utteranceScores" -> 'scores'
    END AS scores
) j
CROSS JOIN LATERAL (
    SELECT
        CASE WHEN jsonb_typeof(j.scores -> 0) = 'number' THEN (j.scores ->> 0)::double precision END AS angry,
        CASE WHEN jsonb_typeof(j.scores -> 1) = 'number' THEN (j.scores ->> 1)::double precision END AS disgusted,
        CASE WHEN jsonb_typeof(j.scores -> 2) = 'number' THEN (j.scores ->> 2)::double precision END AS fearful,
        CASE WHEN jsonb_typeof(j.scores -> 3) = 'number' THEN (j.scores ->> 3)::double precision END AS happy,
        CASE WHEN jsonb_typeof(j.scores -> 4) = 'number' THEN (j.scores ->> 4)::double precision END AS neutral,
        CASE WHEN jsonb_typeof(j.scores -> 5) = 'number' THEN (j.scores ->> 5)::double precision END AS other,
        CASE WHEN jsonb_typeof(j.scores -> 6) = 'number' THEN (j.scores ->> 6)::double precision END AS sad,
        CASE WHEN jsonb_typeof(j.scores -> 7) = 'number' THEN (j.scores ->> 7)::double precision END AS surprised,
        CASE WHEN jsonb_typeof(j.scores -> 8) = 'number' THEN (j.scores ->> 8)::double precision END AS unknown
) p
LEFT JOIN LATERAL (
    SELECT
        (ARRAY['angry', 'disgusted', 'fearful', 'happy', 'neutral', 'other', 'sad', 'surprised', 'unknown'])[v.position] AS label,
        v.score AS score
    FROM unnest(ARRAY[p.angry, p.disgusted, p.fearful, p.happy, p.neutral, p.other, p.sad, p.surprised, p.unknown])
        WITH ORDINALITY AS v(score, position)
    WHERE v.score IS NOT NULL
    ORDER BY v.score DESC, v.position
    LIMIT 1
) t ON true;

-- CreateView
CREATE VIEW "notebook"."projections" AS
SELECT
    j."id" AS projection_id,
    j."name" AS name,
    j."level" AS level,
    j."modelId" AS model_id,
    m."modelKey" AS model_key,
    m."version" AS model_version,
    j."selection" AS selection,
    j."parameters" AS parameters,
    j."inputHash" AS input_hash,
    j."dims" AS dims,
    j."pointCount" AS point_count,
    j."missingCount" AS missing_count,
    j."createdAt" AT TIME ZONE 'UTC' AS created_at,
    j."finishedAt" AT TIME ZONE 'UTC' AS finished_at
FROM "Projection" j
JOIN "Model" m ON m."id" = j."modelId";

-- CreateView
CREATE VIEW "notebook"."projection_points" AS
SELECT
    o."projectionId" AS projection_id,
    o."index" AS point_index,
    o."recordingId" AS recording_id,
    o."regionId" AS region_id,
    o."startSeconds" AS start_seconds,
    o."endSeconds" AS end_seconds,
    o."x" AS x,
    o."y" AS y,
    o."modelEmotion" AS model_emotion,
    o."modelConfidence" AS model_confidence,
    o."placed" AS placed
FROM "ProjectionPoint" o;
