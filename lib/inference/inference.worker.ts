import { parentPort, workerData } from "node:worker_threads";
import type { Worker } from "node:worker_threads";
import { type AnalysisAudio, locateAnalysisPcm16, readAnalysisAudio } from "../audio/read-analysis-audio";
import { startTypeScriptWorker } from "../jobs/typescript-worker";
import { AppError } from "../domain/app-error";
import type {
  AnalyseOutcome,
  AnalyseRequest,
  AnalyseResult,
  InferenceReply,
  InferenceRequest,
  InferenceWorkerData,
} from "./inference-protocol";
import { loadModelFolder, type RegisteredModel } from "./model-registry";
import { HEAD_FRAME_SUM, HEAD_INPUT, HEAD_OUTPUT, headGraphBytes } from "./head-graph";
import { float32Signal, type InputSignal, pcm16Signal, prefetchedSignal } from "./input-signal";
import { createSession, type LoadedSession, ort, type ProviderStatus } from "./onnx-session";
import { type HeadOutput, ModelOutputError, runModel, runModelOnMany } from "./run-model";

/**
 * Model inference in a worker thread, never on the request thread. Keeps one
 * session per model (folder and file hash) for the life of the thread.
 */
const port = parentPort;
if (!port) throw new Error("inference.worker.ts must run as a worker thread.");
const settings = workerData as InferenceWorkerData;
const sessions = new Map<string, Promise<LoadedSession>>();
const running = new Map<number, AbortController>();
// Requests run one at a time: one session already uses the threads it was given.
let queue: Promise<unknown> = Promise.resolve();

port.on("message", (message: InferenceRequest) => {
  if (message.type === "cancel") {
    running.get(message.id)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(message.id, controller);
  const run = (): Promise<ProviderStatus | AnalyseResult | AnalyseOutcome[]> =>
    message.type === "probe"
      ? probe()
      : message.type === "analyse"
        ? analyse(message.request, controller.signal)
        : analyseMany(message.requests, controller.signal);
  const work = queue.then(run, run);
  queue = work.catch(() => undefined);
  work.then(
    (value) => reply({ id: message.id, ok: true, value }),
    (error: unknown) => reply({ id: message.id, ok: false, error: serialise(error) }),
  );
});

async function probe() {
  return (await sessionFor(settings.probeModelPath, "probe")).status;
}

function sessionFor(modelPath: string | Uint8Array, key: string, displayName = key): Promise<LoadedSession> {
  let session = sessions.get(key);
  if (!session) {
    session = createSession(modelPath, { device: settings.device, threads: settings.threads }, displayName);
    sessions.set(key, session);
    session.catch(() => sessions.delete(key));
  }
  return session;
}

async function analyse(request: AnalyseRequest, signal: AbortSignal): Promise<AnalyseResult> {
  const model: RegisteredModel = await loadModelFolder(request.modelFolder);
  const sessionStarted = performance.now();
  const { session, status } = await sessionFor(model.modelPath, `${model.folder}#${model.fileHash}`, `${model.folderName}/${model.manifest.file}`);
  const sessionMs = performance.now() - sessionStarted;
  checkSignature(model, session.inputNames, session.outputNames);

  const decodeStarted = performance.now();
  const samples = await loadSignal(request.audioPath, request.range);
  const decodeMs = performance.now() - decodeStarted;
  const result = await runModel(model, session, samples, {
    overlapSeconds: request.overlapSeconds,
    batchSize: request.batchSize ?? batchSizeFor(status),
    signal,
    ...(await headRunner(model)),
  });
  return {
    ...result,
    model: { id: model.manifest.id, version: model.manifest.version, fileHash: model.fileHash },
    provider: status,
    audioSeconds: samples.length / model.manifest.input.sampleRate,
    decodeMs,
    sessionMs,
  };
}

/** Whole recordings with one model in one go, so equal-length ones share batches. */
async function analyseMany(requests: AnalyseRequest[], signal: AbortSignal): Promise<AnalyseOutcome[]> {
  const modelFolder = requests[0]?.modelFolder;
  if (!modelFolder || requests.some((request) => request.modelFolder !== modelFolder || request.range)) {
    throw new Error("analyse-many takes whole recordings analysed with one model.");
  }
  const model = await loadModelFolder(modelFolder);
  const sessionStarted = performance.now();
  const { session, status } = await sessionFor(model.modelPath, `${model.folder}#${model.fileHash}`, `${model.folderName}/${model.manifest.file}`);
  const sessionMs = performance.now() - sessionStarted;
  checkSignature(model, session.inputNames, session.outputNames);
  const decodeStarted = performance.now();
  const inputs = await Promise.all(requests.map((request) => loadSignal(request.audioPath)));
  const decodeMs = (performance.now() - decodeStarted) / inputs.length;
  const results = await runModelOnMany(model, session, inputs, { batchSize: batchSizeFor(status), signal, ...(await headRunner(model)) });
  return results.map((result, index) =>
    result instanceof Error
      ? { ok: false, error: { name: result.name, code: result.code, message: result.message } }
      : {
          ok: true,
          result: {
            ...result,
            model: { id: model.manifest.id, version: model.manifest.version, fileHash: model.fileHash },
            provider: status,
            audioSeconds: inputs[index]!.length / model.manifest.input.sampleRate,
            decodeMs,
            sessionMs,
          },
        },
  );
}

/** The model's separate head as an onnxruntime session (much faster than a JavaScript loop). */
async function headRunner(model: RegisteredModel): Promise<{ applyHead?: (embeddings: Float32Array, frames: number) => Promise<HeadOutput> }> {
  const head = model.head;
  if (!head || model.manifest.outputs.frameLogits) return {};
  const { session } = await sessionFor(headGraphBytes(head), `${model.folder}#${model.fileHash}#head`, `${model.folderName} head`);
  return {
    applyHead: async (embeddings, frames) => {
      const outputs = await session.run({ [HEAD_INPUT]: new ort.Tensor("float32", embeddings, [frames, head.dim]) });
      return { logits: outputs[HEAD_OUTPUT]!.data as Float32Array, frameSum: outputs[HEAD_FRAME_SUM]!.data as Float32Array };
    },
  };
}

let prefetcher: Worker | undefined;

/**
 * The recording's analysis audio as a signal. Stored 16-bit audio is read and
 * converted by a prefetch thread into shared memory while the first windows
 * already run here; other forms are read whole first.
 */
async function loadSignal(audioPath: string, range?: AnalyseRequest["range"]): Promise<InputSignal> {
  const located = await locateAnalysisPcm16(audioPath);
  if (!located) return toSignal(await readAnalysisAudio(audioPath, range));
  const first = range ? Math.min(located.totalSamples, Math.max(0, Math.floor(range.startSeconds * located.sampleRate))) : 0;
  const end = range ? Math.min(located.totalSamples, Math.ceil(range.endSeconds * located.sampleRate)) : located.totalSamples;
  const count = Math.max(0, end - first);
  const samples = new SharedArrayBuffer(count * 4);
  const progress = new SharedArrayBuffer(4);
  if (!prefetcher) {
    prefetcher = startTypeScriptWorker(settings.projectRoot, "lib/inference/audio-prefetch.worker.ts", null);
    // An idle prefetch thread must not keep this one alive.
    prefetcher.unref();
  }
  prefetcher.postMessage({ filePath: audioPath, byteOffset: located.dataOffset + first * 2, samples, progress });
  return prefetchedSignal(new Float32Array(samples), new Int32Array(progress));
}

function toSignal(audio: AnalysisAudio): InputSignal {
  return audio.kind === "pcm16" ? pcm16Signal(audio.pcm) : float32Signal(audio.samples);
}

/**
 * Windows per session.run. On the CPU one at a time is as fast (measured: batches
 * of four long windows were slower); a GPU gains from filling its batch.
 */
function batchSizeFor(status: ProviderStatus): number {
  return settings.batchSize ?? (status.active === "cuda" ? 8 : 1);
}

/** The graph must have the input and outputs the manifest names. */
function checkSignature(model: RegisteredModel, inputs: readonly string[], outputs: readonly string[]): void {
  const where = `${model.folderName}/${model.manifest.file}`;
  if (!inputs.includes(model.manifest.input.name)) {
    throw new ModelOutputError(`${where} has input ${quoteList(inputs)}, but manifest.json names input "${model.manifest.input.name}"`);
  }
  for (const [role, name] of Object.entries(model.manifest.outputs)) {
    if (name && !outputs.includes(name)) {
      throw new ModelOutputError(`${where} has output ${quoteList(outputs)}, but manifest.json names "${name}" as ${role}`);
    }
  }
}

function quoteList(names: readonly string[]): string {
  return names.map((name) => `"${name}"`).join(", ");
}

function reply(message: InferenceReply): void {
  running.delete(message.id);
  if (message.ok) {
    const results = Array.isArray(message.value)
      ? message.value.flatMap((outcome) => (outcome.ok ? [outcome.result] : []))
      : "frameScores" in message.value
        ? [message.value]
        : [];
    // Frame scores of an hour are megabytes: hand the buffers over instead of copying them.
    const transfer = results.flatMap((result) => [result.frameScores.buffer, ...(result.embedding ? [result.embedding.buffer] : [])]) as ArrayBuffer[];
    port!.postMessage(message, transfer);
    return;
  }
  port!.postMessage(message);
}

function serialise(error: unknown): Extract<InferenceReply, { ok: false }>["error"] {
  if (error instanceof AppError) return { name: error.name, code: error.code, message: error.message };
  return { name: error instanceof Error ? error.name : "Error", message: error instanceof Error ? error.message : String(error), bug: true };
}
