import { queryOptions } from "@tanstack/react-query";
import type { AttentionTarget, LabelHistoryEntry, RecordingLabelState } from "@/lib/domain/label-state";
import { fetchJson } from "../api-fetch";
import type { RecordingResponse } from "../api-types";
import type { LabelRequest, LabelSendResult } from "./label-edit-queue";

export const labelKeys = {
  all: ["labels"] as const,
  state: (recordingId: string) => ["labels", "state", recordingId] as const,
  /** Every history list of one recording (the recording's and each region's): invalidated after each edit. */
  histories: (recordingId: string) => ["labels", "history", recordingId] as const,
  history: (recordingId: string, regionId: string | null) => ["labels", "history", recordingId, regionId ?? "recording"] as const,
  attention: ["labels", "attention"] as const,
  nextAttention: (corpusId: string | null, after: string) => ["labels", "attention", corpusId ?? "all", after] as const,
  recording: (recordingId: string) => ["labels", "recording", recordingId] as const,
  /** Annotators' own labels of a recording and its regions. */
  annotations: (recordingId: string) => ["annotations", recordingId] as const,
};

const base = (recordingId: string) => `/api/recordings/${encodeURIComponent(recordingId)}/labels`;

export function labelStateQuery(recordingId: string) {
  return queryOptions({
    queryKey: labelKeys.state(recordingId),
    queryFn: () => fetchJson<RecordingLabelState>(base(recordingId)),
    // Edits write the cache themselves; a refetch is only for changes made elsewhere.
    staleTime: 30_000,
  });
}

/** The history of one region, or of the whole recording when `regionId` is null. */
export function labelHistoryQuery(recordingId: string, regionId: string | null) {
  const search = regionId === null ? "" : `?region=${encodeURIComponent(regionId)}`;
  return queryOptions({
    queryKey: labelKeys.history(recordingId, regionId),
    queryFn: async () => (await fetchJson<{ entries: LabelHistoryEntry[] }>(`${base(recordingId)}/history${search}`)).entries,
    staleTime: 0,
  });
}

/** The recording after `after` that needs attention, within its corpus when one is named. */
export function nextAttentionQuery(corpusId: string | null, after: string) {
  const search = new URLSearchParams({ ...(corpusId ? { corpus: corpusId } : {}), after });
  return queryOptions({
    queryKey: labelKeys.nextAttention(corpusId, after),
    queryFn: async () => (await fetchJson<{ target: AttentionTarget | null }>(`/api/attention/next?${search}`)).target,
    staleTime: 0,
  });
}

/** The recording's summary (its corpus and file name), for "next needing attention". */
export function labelRecordingQuery(recordingId: string) {
  return queryOptions({
    queryKey: labelKeys.recording(recordingId),
    queryFn: async () => (await fetchJson<RecordingResponse>(`/api/recordings/${encodeURIComponent(recordingId)}`)).recording,
    staleTime: 60_000,
  });
}

/** Saves the caller's own annotation of the recording (regionId null) or of a region. */
export function saveAnnotation(recordingId: string, regionId: string | null, emotion: string): Promise<unknown> {
  return fetchJson("/api/annotations", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ recordingId, regionId, emotion }) });
}

/**
 * Sends an edit, undo or redo. Unlike fetchJson it reads the error body, so
 * a 409 STALE_VERSION hands back the recording's current state for the
 * editor to show instead of the edit that was refused.
 */
export async function sendLabelRequest(recordingId: string, request: LabelRequest, expectedVersion: number): Promise<LabelSendResult> {
  const url = request.kind === "edit" ? base(recordingId) : `${base(recordingId)}/${request.kind}`;
  const body = request.kind === "edit" ? { expectedVersion, edit: request.edit } : { expectedVersion };
  const response = await fetch(url, { method: "POST", cache: "no-store", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  const json: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, state: json as RecordingLabelState };
  const error = (typeof json === "object" && json !== null ? json : {}) as { error?: unknown; code?: unknown; state?: unknown };
  const code = typeof error.code === "string" ? error.code : undefined;
  const message = typeof error.error === "string" ? error.error : `the server answered ${response.status} ${response.statusText}`;
  const state = isLabelState(error.state) ? error.state : undefined;
  return { ok: false, stale: response.status === 409 && code === "STALE_VERSION", message, ...(code ? { code } : {}), ...(state ? { state } : {}) };
}

function isLabelState(value: unknown): value is RecordingLabelState {
  return typeof value === "object" && value !== null && typeof (value as { version?: unknown }).version === "number" && Array.isArray((value as { regions?: unknown }).regions);
}
