import type { LabelledInterval, LabelSource, RecordingAnnotations } from "../export-item";
import { checkedIntervals } from "./interval-layers";

const MILLISECONDS = 1000;

/**
 * One source's labels of one recording as NIST RTTM, one line per interval:
 *
 *   SPEAKER <file-id> 1 <onset> <duration> <NA> <NA> <label> <NA> <NA>
 *
 * the ten-field form (type, file id, channel, onset, duration, orthography,
 * speaker type, speaker name, confidence, signal lookahead time) that
 * dscore and pyannote read. RTTM describes speaker turns; there is no field
 * for an emotion, so the label goes in the speaker-name field, which lets
 * diarization tools score emotion segmentations as if emotions were
 * speakers. Fields are space-separated, so whitespace in the file id (the
 * recording name without its extension) and in labels becomes "_". Times
 * are seconds with three decimals; overlapping intervals stay as they are
 * (RTTM allows overlapping turns). No intervals: an empty file.
 */
export function rttm(annotations: RecordingAnnotations, source: LabelSource): string {
  const fileId = rttmField(annotations.recordingName.replace(/\.[^./\\]*$/, "")) || rttmField(annotations.recordingId);
  return checkedIntervals(annotations, source, MILLISECONDS)
    .map((interval: LabelledInterval) =>
      ["SPEAKER", fileId, "1", interval.start.toFixed(3), (interval.end - interval.start).toFixed(3), "<NA>", "<NA>", rttmField(interval.label), "<NA>", "<NA>"].join(" "),
    )
    .map((line) => `${line}\n`)
    .join("");
}

function rttmField(text: string): string {
  return text.trim().replace(/\s+/g, "_");
}
