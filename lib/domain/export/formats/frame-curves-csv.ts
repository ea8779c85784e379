import { ArrayShapeError } from "../../array-shape-error";
import { csvCell } from "../../csv-table";
import { ExportFormatError } from "./export-format-error";
import { formatFixed } from "./fixed-number";

/** Frames per yielded chunk: about 150 kB of text with nine classes, so an hour (180,000 frames at 50 Hz) is ~90 chunks. */
const DEFAULT_FRAMES_PER_CHUNK = 2048;

/**
 * One recording's frame curves as CSV: a `time_s` column (the start of each
 * frame in seconds from the start of the recording, three decimals) and one
 * column per class in `labels` order (six decimals). `frameScores` is frames ×
 * labels.length values, one frame after another, as the analysis stores them.
 * Rows end with CRLF like toCsv's.
 */
export function frameCurvesCsv(frameScores: Float32Array, frameRate: number, frameOffsetSeconds: number, labels: readonly string[]): string {
  let text = "";
  for (const chunk of frameCurvesCsvChunks(frameScores, frameRate, frameOffsetSeconds, labels)) text += chunk;
  return text;
}

/**
 * frameCurvesCsv in pieces for a file stream: the header, then up to
 * `framesPerChunk` rows at a time, so an hour-long recording never sits in
 * memory as one string. The pieces joined equal frameCurvesCsv's result.
 */
export function* frameCurvesCsvChunks(
  frameScores: Float32Array,
  frameRate: number,
  frameOffsetSeconds: number,
  labels: readonly string[],
  framesPerChunk: number = DEFAULT_FRAMES_PER_CHUNK,
): Generator<string, void, undefined> {
  const width = labels.length;
  if (width === 0) throw new ArrayShapeError("frameCurvesCsv: no labels, so the scores have no columns");
  if (frameScores.length % width !== 0) {
    throw new ArrayShapeError(`frameCurvesCsv: ${frameScores.length} scores do not divide into frames of ${width} labels`);
  }
  if (!(Number.isFinite(frameRate) && frameRate > 0)) {
    throw new ExportFormatError(`cannot write frame curves: the frame rate must be a positive number of frames per second, not ${frameRate}`);
  }
  if (!Number.isFinite(frameOffsetSeconds)) {
    throw new ExportFormatError(`cannot write frame curves: the frame offset must be a number of seconds, not ${frameOffsetSeconds}`);
  }
  if (!(Number.isSafeInteger(framesPerChunk) && framesPerChunk > 0)) {
    throw new ExportFormatError(`cannot write frame curves: frames per chunk must be a whole number ≥ 1, not ${framesPerChunk}`);
  }

  yield `${["time_s", ...labels].map(csvCell).join(",")}\r\n`;
  const frames = frameScores.length / width;
  for (let start = 0; start < frames; start += framesPerChunk) {
    const end = Math.min(frames, start + framesPerChunk);
    let chunk = "";
    for (let frame = start; frame < end; frame++) {
      // Each time from its index, not by adding 1/frameRate, so rounding does not drift over an hour.
      chunk += formatFixed(frameOffsetSeconds + frame / frameRate, 3) ?? "";
      const base = frame * width;
      for (let column = 0; column < width; column++) chunk += `,${formatFixed(frameScores[base + column]!, 6) ?? ""}`;
      chunk += "\r\n";
    }
    yield chunk;
  }
}
