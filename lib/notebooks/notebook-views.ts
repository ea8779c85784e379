/**
 * The views notebook SQL cells may read, with every column: the reference
 * panel of the notebook and the README are built from this list, and an
 * integration test checks it against the database column by column, so it
 * changes together with the migration that defines the views. Every view
 * shows only rows of corpora in the workspaces of the running query's scope
 * (migration 20261121202549_notebook_workspace_scope).
 */

export interface NotebookViewColumn {
  name: string;
  /** PostgreSQL's name for the type, as format_type() writes it. */
  type: string;
  description: string;
}

export interface NotebookView {
  /** Schema-qualified, e.g. "notebook.recordings". */
  name: string;
  description: string;
  columns: readonly NotebookViewColumn[];
}

export const NOTEBOOK_SCHEMA = "notebook";

const column = (name: string, type: string, description: string): NotebookViewColumn => ({ name, type, description });

const EMOTIONS = ["angry", "disgusted", "fearful", "happy", "neutral", "other", "sad", "surprised", "unknown"] as const;

const UUID = "uuid";
const TEXT = "text";
const JSONB = "jsonb";
const INT = "integer";
const FLOAT = "double precision";
const BOOL = "boolean";
const TIME = "timestamp with time zone";

export const NOTEBOOK_VIEWS: readonly NotebookView[] = [
  {
    name: "notebook.corpora",
    description: "One row per corpus (a study or data set).",
    columns: [
      column("corpus_id", UUID, "The corpus."),
      column("name", TEXT, "Its unique name."),
      column("description", TEXT, "Free text; empty when none was given."),
      column("metadata", JSONB, "Metadata given at import."),
      column("created_at", TIME, "When it was created."),
    ],
  },
  {
    name: "notebook.patients",
    description: "One row per patient or speaker, known only by a pseudonymous code.",
    columns: [
      column("patient_id", UUID, "The patient."),
      column("corpus_id", UUID, "Their corpus."),
      column("corpus_name", TEXT, "Their corpus's name."),
      column("code", TEXT, "Pseudonymous code, unique within the corpus."),
      column("metadata", JSONB, "Manifest columns about the patient (e.g. diagnosis, age band)."),
      column("created_at", TIME, "When the patient was first imported."),
      column("session_count", INT, "Study sessions (visits) of the patient."),
      column("recording_count", INT, "Recordings of the patient."),
    ],
  },
  {
    name: "notebook.sessions",
    description: "One row per study session (a clinical or study visit) of a patient.",
    columns: [
      column("session_id", UUID, "The session."),
      column("patient_id", UUID, "Its patient."),
      column("patient_code", TEXT, "Its patient's code."),
      column("corpus_id", UUID, "The patient's corpus."),
      column("code", TEXT, "Session code, unique per patient."),
      column("date", "date", "Date of the visit, when known."),
      column("ordinal", INT, "Position among the patient's sessions, when known (1 = first)."),
      column("metadata", JSONB, "Manifest columns about the session."),
      column("created_at", TIME, "When the session was first imported."),
      column("recording_count", INT, "Recordings made in the session."),
    ],
  },
  {
    name: "notebook.cohorts",
    description: "One row per cohort (a named group of patients of one corpus).",
    columns: [
      column("cohort_id", UUID, "The cohort."),
      column("corpus_id", UUID, "Its corpus."),
      column("corpus_name", TEXT, "Its corpus's name."),
      column("name", TEXT, "Cohort name, unique within the corpus."),
      column("description", TEXT, "Free text; empty when none was given."),
      column("created_at", TIME, "When it was created."),
      column("patient_count", INT, "Patients in the cohort."),
    ],
  },
  {
    name: "notebook.cohort_members",
    description: "One row per patient in a cohort.",
    columns: [
      column("cohort_id", UUID, "The cohort."),
      column("cohort_name", TEXT, "Its name."),
      column("patient_id", UUID, "The patient."),
      column("patient_code", TEXT, "The patient's code."),
      column("corpus_id", UUID, "The cohort's corpus."),
      column("added_at", TIME, "When the patient joined the cohort."),
    ],
  },
  {
    name: "notebook.recordings",
    description:
      "One row per recording (per track when the channels of a file were kept apart), with its patient, session and current labels.",
    columns: [
      column("recording_id", UUID, "The recording."),
      column("corpus_id", UUID, "Its corpus."),
      column("corpus_name", TEXT, "Its corpus's name."),
      column("patient_id", UUID, "Its patient; null when the import named none."),
      column("patient_code", TEXT, "Its patient's code."),
      column("session_id", UUID, "Its study session; null when the import named none."),
      column("session_code", TEXT, "Its session's code."),
      column("session_date", "date", "Its session's date."),
      column("session_ordinal", INT, "Its session's position among the patient's sessions."),
      column("original_name", TEXT, "File name at import."),
      column("format", TEXT, "Container or codec of the original file (wav, mp3, m4a, …)."),
      column("duration_seconds", FLOAT, "Duration in seconds."),
      column("sample_rate", INT, "Sample rate of the original file in Hz."),
      column("channels", INT, "Channels of the original file."),
      column("track_index", INT, "-1 when all channels were mixed to mono, else the channel kept as this track."),
      column("size_bytes", "bigint", "Size of the original file in bytes."),
      column("content_hash", TEXT, "SHA-256 of the original file."),
      column("analysis_hash", TEXT, "Hash of the 16 kHz mono analysis input; notebook.analyses.audio_hash matches it."),
      column("quality_flags", "text[]", "Quality problems found at import (e.g. clipping, silence)."),
      column("quality", JSONB, "Quality measures taken at import."),
      column("metadata", JSONB, "Manifest columns about the recording."),
      column("label_status", TEXT, "unlabelled, predicted, in_progress, labelled or reviewed."),
      column("human_emotion", TEXT, "Current human label of the whole recording."),
      column("model_emotion", TEXT, "Top class of the newest whole-recording analysis (any model)."),
      column("model_confidence", FLOAT, "Its score (0–1)."),
      column("note", TEXT, "Note on the whole recording; empty when none."),
      column("reviewed_at", TIME, "When the recording was marked reviewed."),
      column("created_at", TIME, "When it was imported."),
      column("updated_at", TIME, "Last change to the recording's row."),
    ],
  },
  {
    name: "notebook.labels",
    description:
      "Every label ever set, human or model. A change writes a new row and points the old one at it (superseded_by_id), so the chain is the history; filter on is_current for the labels in force.",
    columns: [
      column("label_id", UUID, "The label."),
      column("recording_id", UUID, "Its recording."),
      column("region_id", UUID, "Its region; null for a label of the whole recording."),
      column("start_seconds", FLOAT, "Region start in seconds; null for the whole recording."),
      column("end_seconds", FLOAT, "Region end in seconds; null for the whole recording."),
      column("emotion", TEXT, "The label; null when it was cleared."),
      column("source", TEXT, "human or model."),
      column("author_username", TEXT, "Who set it (human labels)."),
      column("model_key", TEXT, "Which model gave it (model labels)."),
      column("model_version", TEXT, "That model's version."),
      column("confidence", FLOAT, "Score of a model label (0–1); usually null for human labels."),
      column("note", TEXT, "Note on the label; empty when none."),
      column("created_at", TIME, "When it was set."),
      column("superseded_by_id", UUID, "The label that replaced it; null for the newest in its chain."),
      column("is_current", BOOL, "Not superseded and its region not deleted."),
      column("region_deleted", BOOL, "Its region was deleted."),
    ],
  },
  {
    name: "notebook.annotations",
    description:
      "Each annotator's own label of a recording or region, kept apart from the final label in labels (which a reviewer sets). Agreement between annotators is measured on these.",
    columns: [
      column("annotation_id", UUID, "The annotation."),
      column("recording_id", UUID, "Its recording."),
      column("region_id", UUID, "Its region; null for the whole recording."),
      column("annotator_username", TEXT, "Who gave it."),
      column("emotion", TEXT, "The annotator's label."),
      column("assigned", BOOL, "The recording was assigned to this annotator."),
      column("created_at", TIME, "When it was first given."),
      column("updated_at", TIME, "When it last changed."),
    ],
  },
  {
    name: "notebook.label_history",
    description:
      "The edit history of each recording's labels, regions and notes, one row per edit, as undo and redo walk it.",
    columns: [
      column("edit_id", UUID, "The edit."),
      column("recording_id", UUID, "Its recording."),
      column("region_id", UUID, "The region it touched, if any."),
      column("version", INT, "The recording version this edit produced."),
      column("kind", TEXT, "region.create, region.update, region.delete, label.set, note.set or review.set."),
      column("source", TEXT, "human or model."),
      column("author_username", TEXT, "Who made it."),
      column("before", JSONB, "State before the edit."),
      column("after", JSONB, "State after the edit."),
      column("state", TEXT, "done, undone, or discarded (undone, then overtaken by a new edit)."),
      column("undone_at", TIME, "When it was undone."),
      column("created_at", TIME, "When it was made."),
    ],
  },
  {
    name: "notebook.analyses",
    description:
      "Model results, one row per recording and analysis (an analysis belongs to audio content, so recordings with the same audio share it): the nine emotion proportions of the utterance scores and the top class.",
    columns: [
      column("recording_id", UUID, "The recording."),
      column("analysis_id", UUID, "The analysis."),
      column("model_id", UUID, "The model."),
      column("model_key", TEXT, "Manifest id of the model, e.g. emotion2vec-plus-base."),
      column("model_version", TEXT, "Its version."),
      column("model_name", TEXT, "Its display name."),
      column("audio_hash", TEXT, "Hash of the analysed audio (notebook.recordings.analysis_hash)."),
      column("start_seconds", FLOAT, "Start of the analysed range; null for the whole recording."),
      column("end_seconds", FLOAT, "End of the analysed range; null for the whole recording."),
      column("whole_recording", BOOL, "Whether the analysis covers the whole recording."),
      ...EMOTIONS.map((emotion) => column(emotion, FLOAT, `Utterance score of ${emotion} (0–1; the nine sum to 1).`)),
      column("top_label", TEXT, "The class with the highest score (the first in model order on a tie)."),
      column("top_confidence", FLOAT, "Its score."),
      column("frame_rate", FLOAT, "Frame scores per second."),
      column("frame_count", INT, "Number of frames."),
      column("embedding_dim", INT, "Size of the utterance embedding (the embedding itself is not in the views)."),
      column("execution_provider", TEXT, "cpu, cuda, or imported."),
      column("created_at", TIME, "When the analysis was stored."),
    ],
  },
  {
    name: "notebook.projections",
    description:
      "One row per UMAP projection of a model's embeddings, shown when every corpus, cohort and recording it was made of lies in a workspace you may analyse.",
    columns: [
      column("projection_id", UUID, "The projection."),
      column("name", TEXT, "Its name."),
      column("level", TEXT, "recording (one point per recording) or region (one per labelled region)."),
      column("model_id", UUID, "The model whose embeddings were projected."),
      column("model_key", TEXT, "That model's manifest id."),
      column("model_version", TEXT, "Its version."),
      column("selection", JSONB, "What was projected: corpora, cohorts, recordings or an explorer filter."),
      column("parameters", JSONB, "UMAP parameters: nNeighbors, minDist, metric, seed, supervised, nEpochs."),
      column("input_hash", TEXT, "SHA-256 of the projected inputs; null until the job read them."),
      column("dims", INT, "Embedding size."),
      column("point_count", INT, "Points in the projection."),
      column("missing_count", INT, "Members of the selection without an embedding for the model."),
      column("created_at", TIME, "When it was requested."),
      column("finished_at", TIME, "When the layout finished; null while running or after a failure."),
    ],
  },
  {
    name: "notebook.projection_points",
    description: "One row per point of a projection.",
    columns: [
      column("projection_id", UUID, "The projection."),
      column("point_index", INT, "Row of the point in the projected matrix."),
      column("recording_id", UUID, "The recording."),
      column("region_id", UUID, "The region, for region-level projections."),
      column("start_seconds", FLOAT, "Region start in seconds."),
      column("end_seconds", FLOAT, "Region end in seconds."),
      column("x", FLOAT, "Layout x."),
      column("y", FLOAT, "Layout y."),
      column("model_emotion", TEXT, "The projection model's top class for the point."),
      column("model_confidence", FLOAT, "Its score."),
      column("placed", BOOL, "Placed into the finished layout later rather than part of it."),
    ],
  },
];

/** "notebook.recordings, notebook.labels, …": for messages that say what may be read. */
export function notebookViewNames(): string {
  return NOTEBOOK_VIEWS.map((view) => view.name).join(", ");
}
