"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { RecordingLabelState } from "@/lib/domain/label-state";
import { recordingKeys } from "../recordings/recording-queries";
import { type LabelEditFailure, LabelEditQueue, type LabelRequest } from "./label-edit-queue";
import { labelKeys, sendLabelRequest } from "./label-queries";

/** Who optimistic labels name until the server's answer, which knows the signed-in researcher, replaces them. */
const OPTIMISTIC_AUTHOR = "you";

export interface LabelEdits {
  /** Queues an edit, undo or redo and shows it at once; false when the label state has not loaded yet. */
  submit: (request: LabelRequest) => Promise<boolean>;
  /** True while edits are on their way to the server. */
  busy: boolean;
}

/**
 * Label edits with optimistic updates, wired to the query cache: the queue
 * (label-edit-queue.ts) decides what the cache shows, this hook writes it
 * there, refreshes the history after each answer and, once all edits are in,
 * the lists that show a recording's label status.
 */
export function useLabelEdits(recordingId: string, onFailure: (failure: LabelEditFailure) => void): LabelEdits {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const onFailureRef = useRef(onFailure);
  useEffect(() => {
    onFailureRef.current = onFailure;
  }, [onFailure]);

  const queue = useMemo(() => {
    const refreshHistory = () => void queryClient.invalidateQueries({ queryKey: labelKeys.histories(recordingId) });
    return new LabelEditQueue({
      transport: (request, expectedVersion) => sendLabelRequest(recordingId, request, expectedVersion),
      now: () => new Date(),
      authorName: OPTIMISTIC_AUTHOR,
      onChange: (view) => queryClient.setQueryData<RecordingLabelState>(labelKeys.state(recordingId), view),
      onSettled: refreshHistory,
      onFailure: (failure) => {
        refreshHistory();
        onFailureRef.current(failure);
      },
      onIdle: () => {
        setBusy(false);
        void queryClient.invalidateQueries({ queryKey: labelKeys.attention });
        // The explorer shows each recording's label status.
        void queryClient.invalidateQueries({ queryKey: recordingKeys.all });
      },
    });
  }, [queryClient, recordingId]);

  /** Submissions waiting for a refetch to be cancelled; later ones wait behind them so key presses keep their order. */
  const waiting = useRef<Promise<boolean> | null>(null);

  const submit = useCallback(
    (request: LabelRequest): Promise<boolean> => {
      const key = labelKeys.state(recordingId);
      const enqueue = () => {
        const cached = queryClient.getQueryData<RecordingLabelState>(key);
        if (cached) queue.adopt(cached);
        const queued = queue.submit(request);
        if (queued) setBusy(true);
        return queued;
      };
      // The usual case is synchronous, so a region just drawn is in the state before the next render.
      if (!waiting.current && queryClient.isFetching({ queryKey: key }) === 0) return Promise.resolve(enqueue());
      // A refetch in flight would land after the optimistic write and hide the edit (TanStack's optimistic-update rule).
      const next: Promise<boolean> = (waiting.current ?? queryClient.cancelQueries({ queryKey: key })).then(() => {
        const queued = enqueue();
        if (waiting.current === next) waiting.current = null;
        return queued;
      });
      waiting.current = next;
      return next;
    },
    [queryClient, queue, recordingId],
  );

  return { submit, busy };
}
