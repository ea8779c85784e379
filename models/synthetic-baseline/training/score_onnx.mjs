// Runs the committed ONNX with onnxruntime-node (the runtime the workbench uses) on
// a raw float32 file of equal-length clips and prints the utterance logits as JSON.
// Called by evaluate.py: node score_onnx.mjs MODEL.onnx CLIPS.f32 COUNT SAMPLES
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const ort = require("onnxruntime-node");

const [modelPath, dataPath, countText, samplesText] = process.argv.slice(2);
const count = Number(countText);
const samples = Number(samplesText);
const bytes = readFileSync(dataPath);
const all = new Float32Array(bytes.buffer, bytes.byteOffset, count * samples);
const session = await ort.InferenceSession.create(modelPath, { intraOpNumThreads: 2 });
const batch = 32;
const rows = [];
for (let start = 0; start < count; start += batch) {
  const n = Math.min(batch, count - start);
  const input = new ort.Tensor("float32", all.slice(start * samples, (start + n) * samples), [n, samples]);
  const out = await session.run({ waveform: input });
  const logits = out.utterance_logits;
  const classes = logits.dims[1];
  for (let i = 0; i < n; i += 1) rows.push(Array.from(logits.data.slice(i * classes, (i + 1) * classes)));
}
process.stdout.write(JSON.stringify(rows));
