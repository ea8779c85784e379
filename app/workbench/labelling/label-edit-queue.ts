import { applyLabelEditOptimistically } from "@/lib/domain/apply-label-edit";
import type { LabelEdit, RecordingLabelState } from "@/lib/domain/label-state";

/**
 * Sends a recording's label edits one at a time, each based on the version
 * the previous one produced, while the editor shows them at once. The view is
 * always "the server's last answer with the edits still on their way applied
 * on top", so a failure rolls back by recomputing rather than by restoring a
 * snapshot taken before a later edit was made. Framework-free: the hook that
 * uses it writes `view()` into the query cache.
 */

export type LabelRequest = { kind: "edit"; edit: LabelEdit } | { kind: "undo" } | { kind: "redo" };

export type LabelSendResult =
  | { ok: true; state: RecordingLabelState }
  | {
      ok: false;
      /** 409 STALE_VERSION: someone else changed the recording first. */
      stale: boolean;
      message: string;
      code?: string;
      /** The recording as the server has it, when the answer carried it. */
      state?: RecordingLabelState;
    };

/** Sends one request based on `expectedVersion`; may throw when the server cannot be reached. */
export type LabelTransport = (request: LabelRequest, expectedVersion: number) => Promise<LabelSendResult>;

export interface LabelEditFailure {
  request: LabelRequest;
  /** What the researcher was doing, e.g. "Label region 0:12.30–0:15.00 as sad". */
  title: string;
  stale: boolean;
  message: string;
  /** Later edits that were not sent because they were made on top of this one. */
  dropped: number;
}

export interface LabelEditQueueOptions {
  transport: LabelTransport;
  now: () => Date;
  /** Shown as the author of optimistic labels until the server's answer names the real one. */
  authorName: string;
  onChange: (view: RecordingLabelState) => void;
  onSettled?: (request: LabelRequest, state: RecordingLabelState) => void;
  onFailure?: (failure: LabelEditFailure) => void;
  onIdle?: () => void;
}

export const STALE_MESSAGE =
  "This recording was changed in another tab or by someone else; your edit was not saved and the latest version is shown";

/** The sentence the sidebar and the Output log show for a failed edit. */
export function describeFailure(failure: LabelEditFailure): string {
  const later = failure.dropped > 0 ? ` ${failure.dropped} later edit${failure.dropped === 1 ? " was" : "s were"} not sent.` : "";
  if (failure.stale) return `${STALE_MESSAGE}.${later}`;
  return `${failure.title} was not saved: ${failure.message.replace(/[.\s]+$/, "")}.${later}`;
}

interface PendingRequest {
  request: LabelRequest;
  title: string;
}

export class LabelEditQueue {
  private confirmed: RecordingLabelState | undefined;
  private pending: PendingRequest[] = [];
  private running = false;

  constructor(private readonly options: LabelEditQueueOptions) {}

  /** True while requests are queued or on their way. */
  get busy(): boolean {
    return this.running || this.pending.length > 0;
  }

  get pendingCount(): number {
    return this.pending.length;
  }

  /**
   * Takes a state fetched from the server as the base. Ignored while busy:
   * a refetch that started before an edit was sent would otherwise wipe the
   * edit from the view until its answer arrives.
   */
  adopt(state: RecordingLabelState): void {
    if (!this.busy) this.confirmed = state;
  }

  view(): RecordingLabelState | undefined {
    if (!this.confirmed) return undefined;
    let view = this.confirmed;
    const now = this.options.now();
    for (const { request } of this.pending) {
      // Undo and redo are not predicted: which edit they revert is known only to the server.
      if (request.kind === "edit") view = applyLabelEditOptimistically(view, request.edit, now, this.options.authorName);
    }
    return view;
  }

  /** Queues a request and shows it at once; false when no state has been loaded to base it on. */
  submit(request: LabelRequest): boolean {
    const view = this.view();
    if (!view) return false;
    this.pending.push({ request, title: titleOf(view, request, this.options) });
    this.emitChange();
    void this.pump();
    return true;
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.pending.length > 0 && this.confirmed) {
        const head = this.pending[0]!;
        let result: LabelSendResult;
        try {
          result = await this.options.transport(head.request, this.confirmed.version);
        } catch (error) {
          result = { ok: false, stale: false, message: `the server could not be reached (${error instanceof Error ? error.message : String(error)})` };
        }
        this.pending.shift();
        if (result.ok) {
          this.confirmed = result.state;
          this.emitChange();
          this.options.onSettled?.(head.request, result.state);
          continue;
        }
        // Edits queued behind a refused one were made on a view that showed it;
        // sending them now would label regions that do not exist or undo the wrong edit.
        const dropped = this.pending.length;
        this.pending = [];
        if (result.state) this.confirmed = result.state;
        this.emitChange();
        this.options.onFailure?.({ request: head.request, title: head.title, stale: result.stale, message: result.message, dropped });
      }
    } finally {
      this.running = false;
    }
    this.options.onIdle?.();
  }

  private emitChange(): void {
    const view = this.view();
    if (view) this.options.onChange(view);
  }
}

function titleOf(view: RecordingLabelState, request: LabelRequest, options: LabelEditQueueOptions): string {
  switch (request.kind) {
    case "undo":
      return view.undoTitle ? `Undo ${view.undoTitle}` : "Undo";
    case "redo":
      return view.redoTitle ? `Redo ${view.redoTitle}` : "Redo";
    case "edit":
      // The optimistic apply already names the edit as the history will.
      return applyLabelEditOptimistically(view, request.edit, options.now(), options.authorName).undoTitle ?? request.edit.kind;
  }
}
