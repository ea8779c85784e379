import { describe, expect, it } from "vitest";
import { applyLabelEditOptimistically } from "@/lib/domain/apply-label-edit";
import type { RecordingLabelState } from "@/lib/domain/label-state";
import { describeFailure, type LabelEditFailure, LabelEditQueue, type LabelRequest, type LabelSendResult, STALE_MESSAGE } from "./label-edit-queue";

const NOW = new Date("2025-01-02T03:04:05Z");

function emptyState(): RecordingLabelState {
  return {
    recordingId: "rec-1",
    version: 7,
    reviewedAt: null,
    note: "",
    recordingLabel: null,
    regions: [],
    status: "unlabelled",
    modelPrediction: null,
    undoTitle: null,
    redoTitle: null,
  };
}

/**
 * A small stand-in for the label route: refuses an edit based on an old
 * version (409 with its state, as the route does), refuses labels of regions
 * it does not have, and keeps an undo stack. Optionally holds every answer
 * until `release()` so a test can look at the view in between.
 */
class FakeLabelServer {
  state = emptyState();
  readonly received: { request: LabelRequest; expectedVersion: number }[] = [];
  private readonly undoStack: RecordingLabelState[] = [];
  private gates: (() => void)[] = [];
  hold = false;

  readonly transport = async (request: LabelRequest, expectedVersion: number): Promise<LabelSendResult> => {
    this.received.push({ request, expectedVersion });
    if (this.hold) await new Promise<void>((resolve) => this.gates.push(resolve));
    if (expectedVersion !== this.state.version) {
      return { ok: false, stale: true, code: "STALE_VERSION", message: "stale", state: this.state };
    }
    if (request.kind === "undo") {
      const previous = this.undoStack.pop();
      if (!previous) return { ok: false, stale: false, code: "NOTHING_TO_UNDO", message: "there is nothing to undo" };
      this.state = { ...previous, version: this.state.version + 1 };
      return { ok: true, state: this.state };
    }
    if (request.kind === "redo") return { ok: false, stale: false, code: "NOTHING_TO_REDO", message: "there is nothing to redo" };
    const edit = request.edit;
    if ("regionId" in edit && edit.regionId !== null && edit.kind !== "region.create" && !this.state.regions.some((region) => region.id === edit.regionId)) {
      return { ok: false, stale: false, code: "REGION_NOT_FOUND", message: `region ${edit.regionId} does not exist` };
    }
    this.undoStack.push(this.state);
    this.state = applyLabelEditOptimistically(this.state, edit, NOW, "Dr Server");
    return { ok: true, state: this.state };
  };

  /** Lets held answers through, one per call. */
  release(): void {
    this.gates.shift()?.();
  }

  /** Someone else edits the recording (another tab). */
  editElsewhere(): void {
    this.state = applyLabelEditOptimistically(this.state, { kind: "note.set", regionId: null, note: "from another tab" }, NOW, "Someone");
  }
}

function setup(server: FakeLabelServer) {
  const views: RecordingLabelState[] = [];
  const failures: LabelEditFailure[] = [];
  let idle = 0;
  const queue = new LabelEditQueue({
    transport: server.transport,
    now: () => NOW,
    authorName: "you",
    onChange: (view) => views.push(view),
    onFailure: (failure) => failures.push(failure),
    onIdle: () => idle++,
  });
  queue.adopt(server.state);
  return { queue, views, failures, idleCount: () => idle };
}

async function settle(queue: LabelEditQueue): Promise<void> {
  for (let i = 0; i < 50 && queue.busy; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

const create = (regionId: string, startSeconds: number, endSeconds: number): LabelRequest => ({
  kind: "edit",
  edit: { kind: "region.create", regionId, startSeconds, endSeconds },
});
const label = (regionId: string | null, emotion: "sad" | "happy" | null): LabelRequest => ({ kind: "edit", edit: { kind: "label.set", regionId, emotion } });

describe("LabelEditQueue", () => {
  it("chains quick edits so each is based on the version the previous one produced", async () => {
    const server = new FakeLabelServer();
    const { queue, failures } = setup(server);
    queue.submit(create("r1", 1, 2));
    queue.submit(label("r1", "sad"));
    queue.submit(label(null, "happy"));
    await settle(queue);
    expect(failures).toEqual([]);
    expect(server.received.map((entry) => entry.expectedVersion)).toEqual([7, 8, 9]);
    expect(queue.view()).toEqual(server.state);
    expect(server.state.regions[0]?.label?.emotion).toBe("sad");
    expect(server.state.recordingLabel?.emotion).toBe("happy");
  });

  it("shows an edit before the server answers, then the server's answer", async () => {
    const server = new FakeLabelServer();
    server.hold = true;
    const { queue, views } = setup(server);
    queue.submit(create("r1", 1, 2));
    queue.submit(label("r1", "sad"));
    const optimistic = queue.view()!;
    expect(optimistic.regions.map((region) => [region.id, region.label?.emotion, region.label?.authorName])).toEqual([["r1", "sad", "you"]]);
    expect(views.length).toBe(2);
    server.release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The first answer is in; the second edit is still drawn on top of it.
    expect(queue.view()?.regions[0]?.label?.emotion).toBe("sad");
    expect(queue.pendingCount).toBe(1);
    server.release();
    await settle(queue);
    expect(queue.view()?.regions[0]?.label?.authorName).toBe("Dr Server");
  });

  it("rolls back a refused edit, drops the edits made on top of it and says so", async () => {
    const server = new FakeLabelServer();
    server.hold = true;
    const { queue, failures } = setup(server);
    queue.submit(label("ghost", "sad"));
    queue.submit(label(null, "happy"));
    queue.submit(label(null, "sad"));
    expect(queue.view()?.recordingLabel?.emotion).toBe("sad");
    server.release();
    await settle(queue);
    expect(queue.view()).toEqual(emptyState());
    expect(server.received).toHaveLength(1);
    expect(failures).toEqual([
      { request: label("ghost", "sad"), title: "Label recording as sad", stale: false, message: "region ghost does not exist", dropped: 2 },
    ]);
  });

  it("replaces the view with the server's state on a stale version instead of overwriting it", async () => {
    const server = new FakeLabelServer();
    const { queue, failures } = setup(server);
    server.editElsewhere();
    queue.submit(label(null, "sad"));
    await settle(queue);
    expect(failures.map((failure) => failure.stale)).toEqual([true]);
    expect(queue.view()).toEqual(server.state);
    expect(queue.view()?.note).toBe("from another tab");
    expect(queue.view()?.recordingLabel).toBeNull();
    // The next edit is based on the fresh version and goes through.
    queue.submit(label(null, "happy"));
    await settle(queue);
    expect(failures).toHaveLength(1);
    expect(server.state.recordingLabel?.emotion).toBe("happy");
  });

  it("queues undo behind the edit it should undo", async () => {
    const server = new FakeLabelServer();
    const { queue } = setup(server);
    queue.submit(label(null, "sad"));
    queue.submit({ kind: "undo" });
    await settle(queue);
    expect(server.received.map((entry) => [entry.request.kind, entry.expectedVersion])).toEqual([
      ["edit", 7],
      ["undo", 8],
    ]);
    expect(queue.view()?.recordingLabel).toBeNull();
    expect(queue.view()?.version).toBe(9);
  });

  it("reports a server that cannot be reached as a failure", async () => {
    const { queue, failures, views } = setup(new FakeLabelServer());
    const offline = new LabelEditQueue({
      transport: () => Promise.reject(new TypeError("Failed to fetch")),
      now: () => NOW,
      authorName: "you",
      onChange: (view) => views.push(view),
      onFailure: (failure) => failures.push(failure),
    });
    offline.adopt(emptyState());
    offline.submit(label(null, "sad"));
    await settle(offline);
    expect(failures[0]?.message).toBe("the server could not be reached (Failed to fetch)");
    expect(offline.view()).toEqual(emptyState());
    expect(queue.busy).toBe(false);
  });

  it("takes a refetched state only while idle, and refuses to edit before any state is loaded", async () => {
    const server = new FakeLabelServer();
    server.hold = true;
    const { queue, idleCount } = setup(server);
    queue.submit(label(null, "sad"));
    queue.adopt({ ...emptyState(), note: "refetched mid-edit" });
    expect(queue.view()?.note).toBe("");
    server.release();
    await settle(queue);
    expect(idleCount()).toBe(1);
    queue.adopt({ ...server.state, note: "refetched" });
    expect(queue.view()?.note).toBe("refetched");

    const unloaded = new LabelEditQueue({ transport: server.transport, now: () => NOW, authorName: "you", onChange: () => {} });
    expect(unloaded.submit(label(null, "sad"))).toBe(false);
  });
});

describe("describeFailure", () => {
  const failure: LabelEditFailure = { request: label(null, "sad"), title: "Label recording as sad", stale: false, message: "There is no region r9.", dropped: 0 };

  it("names the edit and the server's reason, once punctuated", () => {
    expect(describeFailure(failure)).toBe("Label recording as sad was not saved: There is no region r9.");
  });

  it("says how many later edits were not sent", () => {
    expect(describeFailure({ ...failure, dropped: 1 })).toBe("Label recording as sad was not saved: There is no region r9. 1 later edit was not sent.");
    expect(describeFailure({ ...failure, dropped: 3 })).toMatch(/ 3 later edits were not sent\.$/);
  });

  it("explains a stale version instead of the server's wording", () => {
    expect(describeFailure({ ...failure, stale: true, message: "version 7 is not 8" })).toBe(`${STALE_MESSAGE}.`);
  });
});
