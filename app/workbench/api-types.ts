/**
 * The shapes the workbench's HTTP API sends to the browser. Client components
 * may not import lib/corpus or lib/jobs (lint), but these are type-only
 * imports, erased at build time, so no server code reaches the bundle; this
 * file is the one place they cross, instead of copies of each type.
 */
export type { CorpusSummary, RecordingSummary } from "@/lib/corpus/corpus-types";
export type { ImportCounts, ImportOutcome, ImportReport, ImportReportEntry } from "@/lib/corpus/import-report";
export type { PeaksWindowJson } from "@/lib/corpus/serve-peaks";
export type { AnalysisReport, AnalysisReportEntry } from "@/lib/inference/analysis-job";
export type { InferenceAvailability } from "@/lib/inference/provider-registry";
export type { AnalysisView, UtteranceScoresView } from "@/lib/inference/serve-analyses";
export type { CurvesJson } from "@/lib/inference/serve-curves";
export type { InvalidModelView, ModelsListing, ModelView } from "@/lib/inference/serve-models";
export type { JobSummary } from "@/lib/http/job-summary";
export type { JobProgress, JobStatus } from "@/lib/jobs/job-types";
export type { JobView } from "@/lib/jobs/job-view";

/** The JSON error body of every route. */
export interface ApiError {
  error: string;
  code?: string;
}
export type { RecordingResponse } from "@/lib/corpus/serve-recording";
export type {
  AttentionReason,
  AttentionTarget,
  LabelEdit,
  LabelEditKind,
  LabelHistoryEntry,
  LabelSourceKind,
  LabelStatus,
  LabelView,
  ModelPrediction,
  RecordingLabelState,
  RegionConstraints,
  RegionView,
} from "@/lib/domain/label-state";
export type { AttentionJson, LabelHistoryJson, StaleVersionJson } from "@/lib/labels/serve-labels";
export type {
  ExplorerFilterName,
  ExplorerGroupKind,
  ExplorerGroupNode,
  ExplorerListing,
  ExplorerNode,
  ExplorerRecordingNode,
  StatusCounts,
} from "@/lib/db/explorer.repository";
export type { SearchField, SearchHit, SearchMatch } from "@/lib/db/search.repository";
export type { Problem } from "@/lib/jobs/serve-problems";
export type { SpectrogramResponse } from "@/lib/domain/spectrogram-format";
export type { ProjectableModel, ProjectionSummary } from "@/lib/db/projection.repository";
export type { ProjectionPointsPayload } from "@/lib/projection/projection-points-payload";
export type { CreateProjectionRequest, ClusteringDefinition, ProjectionLevel, UmapParameters } from "@/lib/projection/projection-definition";
export type { ClusteringView } from "@/lib/db/projection.repository";
export type { ExportView } from "@/lib/db/export.repository";
export type { LabelImportResult } from "@/lib/labels/import-annotation-file";
