-- The workspaces the running notebook query may read. The notebook runner
-- (lib/notebooks/run-notebook-query.ts) inserts them at the start of the query
-- transaction, which always rolls back: no row is ever committed, so every
-- transaction sees only the rows it inserted itself and concurrent queries
-- of different users cannot see each other. The reader role gets no
-- privilege on this table: the views below read it with the rights of their
-- owner. No unique index on workspaceId, so that two transactions inserting
-- the same id do not wait on each other.

-- CreateTable
CREATE TABLE "NotebookQueryScope" (
    "id" BIGSERIAL NOT NULL,
    "workspaceId" UUID NOT NULL,

    CONSTRAINT "NotebookQueryScope_pkey" PRIMARY KEY ("id")
);

-- Every notebook view now shows only rows of corpora whose workspace is in
-- the scope of the running query, and nothing outside a runner transaction.
-- Columns are unchanged (lib/notebooks/notebook-views.ts documents them).

-- ReplaceView
CREATE OR REPLACE VIEW "notebook"."corpora" AS
SELECT
    c."id" AS corpus_id,
    c."name" AS name,
    c."description" AS description,
    c."metadata" AS metadata,
    c."createdAt" AT TIME ZONE 'UTC' AS created_at
FROM "Corpus" c
WHERE c."workspaceId" IN (SELECT q."workspaceId" FROM "NotebookQueryScope" q);

-- ReplaceView
CREATE OR REPLACE VIEW "notebook"."patients" AS
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
JOIN "Corpus" c ON c."id" = p."corpusId"
WHERE c."workspaceId" IN (SELECT q."workspaceId" FROM "NotebookQueryScope" q);

-- ReplaceView
CREATE OR REPLACE VIEW "notebook"."sessions" AS
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
JOIN "Patient" p ON p."id" = s."patientId"
JOIN "Corpus" c ON c."id" = p."corpusId"
WHERE c."workspaceId" IN (SELECT q."workspaceId" FROM "NotebookQueryScope" q);

-- ReplaceView
CREATE OR REPLACE VIEW "notebook"."cohorts" AS
SELECT
    h."id" AS cohort_id,
    h."corpusId" AS corpus_id,
    c."name" AS corpus_name,
    h."name" AS name,
    h."description" AS description,
    h."createdAt" AT TIME ZONE 'UTC' AS created_at,
    (SELECT count(*) FROM "CohortMembership" m WHERE m."cohortId" = h."id")::integer AS patient_count
FROM "Cohort" h
JOIN "Corpus" c ON c."id" = h."corpusId"
WHERE c."workspaceId" IN (SELECT q."workspaceId" FROM "NotebookQueryScope" q);

-- ReplaceView
CREATE OR REPLACE VIEW "notebook"."cohort_members" AS
SELECT
    m."cohortId" AS cohort_id,
    h."name" AS cohort_name,
    m."patientId" AS patient_id,
    p."code" AS patient_code,
    h."corpusId" AS corpus_id,
    m."createdAt" AT TIME ZONE 'UTC' AS added_at
FROM "CohortMembership" m
JOIN "Cohort" h ON h."id" = m."cohortId"
JOIN "Patient" p ON p."id" = m."patientId"
JOIN "Corpus" c ON c."id" = h."corpusId"
WHERE c."workspaceId" IN (SELECT q."workspaceId" FROM "NotebookQueryScope" q);

-- ReplaceView
CREATE OR REPLACE VIEW "notebook"."recordings" AS
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
LEFT JOIN "StudySession" s ON s."id" = r."sessionId"
WHERE c."workspaceId" IN (SELECT q."workspaceId" FROM "NotebookQueryScope" q);

-- ReplaceView
CREATE OR REPLACE VIEW "notebook"."labels" AS
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
JOIN "Recording" r ON r."id" = l."recordingId"
JOIN "Corpus" c ON c."id" = r."corpusId"
LEFT JOIN "Region" g ON g."id" = l."regionId"
LEFT JOIN "User" u ON u."id" = l."authorId"
LEFT JOIN "Model" m ON m."id" = l."modelId"
WHERE c."workspaceId" IN (SELECT q."workspaceId" FROM "NotebookQueryScope" q);

-- ReplaceView
CREATE OR REPLACE VIEW "notebook"."label_history" AS
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
JOIN "Recording" r ON r."id" = e."recordingId"
JOIN "Corpus" c ON c."id" = r."corpusId"
LEFT JOIN "User" u ON u."id" = e."authorId"
WHERE c."workspaceId" IN (SELECT q."workspaceId" FROM "NotebookQueryScope" q);

-- ReplaceView
CREATE OR REPLACE VIEW "notebook"."annotations" AS
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
JOIN "User" u ON u."id" = a."annotatorId"
JOIN "Recording" r ON r."id" = a."recordingId"
JOIN "Corpus" c ON c."id" = r."corpusId"
WHERE c."workspaceId" IN (SELECT q."workspaceId" FROM "NotebookQueryScope" q);

-- ReplaceView
-- An analysis belongs to audio content, not to a corpus: it shows once per
-- recording in scope that has that audio.
CREATE OR REPLACE VIEW "notebook"."analyses" AS
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
JOIN "Corpus" c ON c."id" = r."corpusId"
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
) t ON true
WHERE c."workspaceId" IN (SELECT q."workspaceId" FROM "NotebookQueryScope" q);

-- ReplaceView
-- A projection spans corpora: it shows when its selection names at least one
-- corpus, cohort or recording that still exists and everything it names lies
-- in the scope (the rule of lib/db/selection-workspaces.repository.ts). One
-- that names nothing that exists belongs to no workspace and shows only when
-- the scope holds every workspace, as in the projection list of a site
-- administrator. Ids that are not UUIDs name nothing, rather than making the
-- view fail.
CREATE OR REPLACE VIEW "notebook"."projections" AS
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
JOIN "Model" m ON m."id" = j."modelId"
CROSS JOIN LATERAL (
    SELECT
        count(*) AS named,
        bool_and(w."workspaceId" IN (SELECT q."workspaceId" FROM "NotebookQueryScope" q)) AS inside
    FROM (
        SELECT c."workspaceId"
        FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(j."selection" -> 'corpusIds') = 'array' THEN j."selection" -> 'corpusIds' ELSE '[]'::jsonb END) AS x(id)
        JOIN "Corpus" c ON c."id" = (CASE WHEN x.id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN x.id::uuid END)
        UNION ALL
        SELECT c."workspaceId"
        FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(j."selection" -> 'cohortIds') = 'array' THEN j."selection" -> 'cohortIds' ELSE '[]'::jsonb END) AS x(id)
        JOIN "Cohort" h ON h."id" = (CASE WHEN x.id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN x.id::uuid END)
        JOIN "Corpus" c ON c."id" = h."corpusId"
        UNION ALL
        SELECT c."workspaceId"
        FROM jsonb_array_elements_text(CASE WHEN jsonb_typeof(j."selection" -> 'recordingIds') = 'array' THEN j."selection" -> 'recordingIds' ELSE '[]'::jsonb END) AS x(id)
        JOIN "Recording" r ON r."id" = (CASE WHEN x.id ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN x.id::uuid END)
        JOIN "Corpus" c ON c."id" = r."corpusId"
    ) w
) s
WHERE s.inside IS TRUE
    OR (s.named = 0
        AND EXISTS (SELECT FROM "NotebookQueryScope" q)
        AND NOT EXISTS (SELECT FROM "Workspace" x WHERE x."id" NOT IN (SELECT q."workspaceId" FROM "NotebookQueryScope" q)));

-- ReplaceView
-- Points of projections that show, and of them only recordings in scope.
CREATE OR REPLACE VIEW "notebook"."projection_points" AS
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
FROM "ProjectionPoint" o
JOIN "Recording" r ON r."id" = o."recordingId"
JOIN "Corpus" c ON c."id" = r."corpusId"
WHERE o."projectionId" IN (SELECT v.projection_id FROM "notebook"."projections" v)
    AND c."workspaceId" IN (SELECT q."workspaceId" FROM "NotebookQueryScope" q);
