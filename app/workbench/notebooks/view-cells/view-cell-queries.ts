import { queryOptions } from "@tanstack/react-query";
import { fetchPeaksWindow } from "../../editor/editor-queries";

export const viewCellKeys = {
  rangePeaks: (recordingId: string, startSeconds: number, endSeconds: number, pairsPerSecond: number) =>
    ["notebook-view", recordingId, "peaks", startSeconds, endSeconds, pairsPerSecond] as const,
};

/**
 * Waveform peaks for exactly a view cell's range, at about `pixels` pairs
 * across it. The resolution asked for is rounded up to a power of two, so
 * resizing the notebook a little reuses what is cached instead of asking again.
 */
export function rangePeaksQuery(recordingId: string, range: { startSeconds: number; endSeconds: number }, pixels: number) {
  const span = range.endSeconds - range.startSeconds;
  const pairsPerSecond = 2 ** Math.ceil(Math.log2(Math.max(1, pixels) / Math.max(span, 1e-3)));
  return queryOptions({
    queryKey: viewCellKeys.rangePeaks(recordingId, range.startSeconds, range.endSeconds, pairsPerSecond),
    queryFn: ({ signal }) => fetchPeaksWindow(recordingId, range, pairsPerSecond, signal),
    enabled: span > 0 && pixels > 0,
    // Peaks change only when the file is imported again, under a new recording id.
    staleTime: Infinity,
  });
}
