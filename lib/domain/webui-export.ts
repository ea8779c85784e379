import { ArrayShapeError } from "./array-shape-error";
import { CANONICAL_LABELS } from "./emotion-labels";
import { encodeNpyFloat32 } from "./npy-writer";
import { WebUiExportError } from "./webui-export-error";
import type { ZipEntry } from "./zip-writer";

/**
 * Writers for the emotion2vec+ WebUI's output format, so analyses made here
 * can be opened by scripts written for the WebUI (and imported back). The
 * WebUI writes one folder per run, outputs_YYYYMMDD_HHMMSS/, holding
 * processed_audio.wav (16 kHz), result.json and optionally embedding.npy.
 * Its result.json, as its documentation shows it:
 *   {"emotion": "happy", "confidence": 0.853, "scores": {"angry": 0.012, …
 *    all nine, English lower case, model order}, "granularity": "utterance",
 *    "timestamp": "2024-01-04 22:30:00"}
 * i.e. plain English labels (not emotion2vec's "开心/happy") and a local
 * wall-clock time without zone.
 */

export const WEBUI_AUDIO_FILE = "processed_audio.wav";
export const WEBUI_RESULT_FILE = "result.json";
export const WEBUI_EMBEDDING_FILE = "embedding.npy";

export type WebUiGranularity = "utterance" | "frame";

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface WebUiResultInput {
  /** The nine canonical scores in CANONICAL_LABELS order (see toCanonicalScores); utterance scores for either granularity. */
  scores: ArrayLike<number>;
  /** "frame" when the embedding is per frame (F, D); the scores stay the utterance's, as in the WebUI. */
  granularity: WebUiGranularity;
  /** When the analysis ran. */
  at: Date;
  /** The researcher's offset from UTC; the WebUI writes local wall-clock time. Default 0 (UTC). */
  utcOffsetMinutes?: number;
  /** Decimal places of scores and confidence; default 6 (float32 probabilities carry about 7 significant digits). */
  decimals?: number;
  /** Fields after the WebUI's five (model id, version, recording); WebUI scripts ignore them, parseWebUiResult keeps them. */
  extra?: Readonly<Record<string, JsonValue>>;
}

const WEBUI_FIELDS = new Set(["emotion", "confidence", "scores", "granularity", "timestamp"]);
/** Probabilities summed in float32 can land a hair outside [0, 1]. */
const BOUND_SLACK = 1e-6;

/**
 * result.json for one analysis, in the WebUI's shape and field order,
 * indented by two spaces. `emotion` is the top-scoring label (the first on a
 * tie), `confidence` its score. Throws ArrayShapeError unless there are nine
 * scores, WebUiExportError for scores outside 0..1, NaN, or extra fields
 * named like the WebUI's.
 */
export function buildWebUiResult(input: WebUiResultInput): string {
  const { scores, granularity, extra = {} } = input;
  const decimals = input.decimals ?? 6;
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 15) throw new RangeError(`decimals must be a whole number from 0 to 15, got ${decimals}`);
  if (scores.length !== CANONICAL_LABELS.length) {
    throw new ArrayShapeError(`buildWebUiResult: ${scores.length} scores; the WebUI format needs all ${CANONICAL_LABELS.length} (${CANONICAL_LABELS.join(", ")})`);
  }
  let top = 0;
  const rounded: Record<string, number> = {};
  CANONICAL_LABELS.forEach((label, index) => {
    const score = scores[index]!;
    if (!(score >= -BOUND_SLACK && score <= 1 + BOUND_SLACK)) {
      throw new WebUiExportError(`cannot write ${WEBUI_RESULT_FILE}: the ${label} score is ${score}; scores must be probabilities between 0 and 1`);
    }
    if (score > scores[top]!) top = index;
    rounded[label] = round(Math.min(1, Math.max(0, score)), decimals);
  });
  for (const key of Object.keys(extra)) {
    if (WEBUI_FIELDS.has(key)) throw new WebUiExportError(`cannot write ${WEBUI_RESULT_FILE}: the extra field "${key}" would replace the WebUI's own`);
  }
  const emotion = CANONICAL_LABELS[top]!;
  const result = {
    emotion,
    confidence: rounded[emotion],
    scores: rounded,
    granularity,
    timestamp: formatWebUiTimestamp(input.at, input.utcOffsetMinutes),
    ...extra,
  };
  return JSON.stringify(result, null, 2);
}

/** "2026-11-21 10:30:00": `at` as wall-clock time at the given offset from UTC, as result.json's timestamp. */
export function formatWebUiTimestamp(at: Date, utcOffsetMinutes = 0): string {
  const [year, month, day, hour, minute, second] = wallClock(at, utcOffsetMinutes);
  return `${year}-${month}-${day} ${hour}:${minute}:${second}`;
}

/** "outputs_20261121_103000": the folder name the WebUI gives a run started at `at`. */
export function webUiFolderName(at: Date, utcOffsetMinutes = 0): string {
  const [year, month, day, hour, minute, second] = wallClock(at, utcOffsetMinutes);
  return `outputs_${year}${month}${day}_${hour}${minute}${second}`;
}

export interface WebUiRunInput extends WebUiResultInput {
  /** processed_audio.wav: the analysed audio as WAV (16 kHz mono, e.g. from lib/audio's WAV encoder). */
  processedAudioWav: Uint8Array;
  /** (D,) with granularity "utterance", (F, D) with "frame". */
  embedding?: { data: Float32Array; shape: readonly number[] };
  /**
   * Folder path inside the archive; default webUiFolderName(at). Nest it
   * ("interview-03/outputs_…") to export several recordings at once; keep the
   * last part in the outputs_YYYYMMDD_HHMMSS form so the import finds it.
   */
  folder?: string;
}

/** The files of one WebUI run as zip entries (see createZip), dated `at`. */
export function buildWebUiRunEntries(input: WebUiRunInput): ZipEntry[] {
  const folder = input.folder ?? webUiFolderName(input.at, input.utcOffsetMinutes);
  const wav = input.processedAudioWav;
  if (wav.length < 12 || ascii(wav, 0, 4) !== "RIFF" || ascii(wav, 8, 12) !== "WAVE") {
    throw new WebUiExportError(`cannot write ${folder}/${WEBUI_AUDIO_FILE}: the audio given is not a WAV file`);
  }
  const entries: ZipEntry[] = [
    { name: `${folder}/${WEBUI_AUDIO_FILE}`, data: wav, modified: input.at },
    { name: `${folder}/${WEBUI_RESULT_FILE}`, data: new TextEncoder().encode(buildWebUiResult(input)), modified: input.at },
  ];
  if (input.embedding) {
    const { data, shape } = input.embedding;
    const rank = input.granularity === "utterance" ? 1 : 2;
    if (shape.length !== rank || shape.some((size) => size === 0)) {
      throw new WebUiExportError(
        `cannot write ${folder}/${WEBUI_EMBEDDING_FILE}: granularity ${input.granularity} needs shape ${rank === 1 ? "(D,)" : "(F, D)"} with no empty dimension, got (${shape.join(", ")})`,
      );
    }
    entries.push({ name: `${folder}/${WEBUI_EMBEDDING_FILE}`, data: encodeNpyFloat32(data, shape), modified: input.at });
  }
  return entries;
}

function wallClock(at: Date, utcOffsetMinutes: number): string[] {
  const time = at.getTime() + utcOffsetMinutes * 60_000;
  if (!Number.isFinite(time)) throw new RangeError(`not a valid time: ${String(at)} at offset ${utcOffsetMinutes} min`);
  const wall = new Date(time);
  const year = wall.getUTCFullYear();
  if (year < 1000 || year > 9999) throw new RangeError(`the year ${year} does not fit the WebUI's four-digit timestamps`);
  const two = (value: number) => String(value).padStart(2, "0");
  return [String(year), two(wall.getUTCMonth() + 1), two(wall.getUTCDate()), two(wall.getUTCHours()), two(wall.getUTCMinutes()), two(wall.getUTCSeconds())];
}

function round(value: number, decimals: number): number {
  return Number(value.toFixed(decimals));
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}
