import type { ClassificationHead } from "./model-registry";

/**
 * A one-node ONNX graph for a model's separate classification head:
 * logits = Gemm(embeddings, weights, bias, transB=1), i.e. E·Wᵀ + b for a
 * [frames, dim] input. Running the head in onnxruntime rather than in a
 * JavaScript loop keeps our work per window small next to the model's own,
 * which matters for fast models on two cores.
 *
 * Written directly as protobuf (ONNX's ModelProto), since the graph is fixed
 * and tiny; field numbers are those of onnx.proto.
 */
export const HEAD_INPUT = "embeddings";
export const HEAD_OUTPUT = "logits";
/** Column sums of the embeddings (sum over frames), so the utterance mean needs no JavaScript pass. */
export const HEAD_FRAME_SUM = "frame_sum";

export function headGraphBytes(head: ClassificationHead): Uint8Array {
  const weights = tensor("weights", [head.classes, head.dim], head.weights);
  const bias = tensor("bias", [head.classes], head.bias);
  const node = message([
    stringField(1, HEAD_INPUT),
    stringField(1, "weights"),
    stringField(1, "bias"),
    stringField(2, HEAD_OUTPUT),
    stringField(4, "Gemm"),
    // AttributeProto transB = 1 (name 1, i 3, type 20 = INT).
    bytesField(5, message([stringField(1, "transB"), varintField(3, 1), varintField(20, 2)])),
  ]);
  // ReduceSum(embeddings, axes=[0], keepdims=0); opset 13 takes the axes as an input.
  const axes = message([varintField(1, 1), varintField(2, INT64), stringField(8, "axes"), bytesField(9, int64Bytes(0))]);
  const reduce = message([
    stringField(1, HEAD_INPUT),
    stringField(1, "axes"),
    stringField(2, HEAD_FRAME_SUM),
    stringField(4, "ReduceSum"),
    bytesField(5, message([stringField(1, "keepdims"), varintField(3, 0), varintField(20, 2)])),
  ]);
  const graph = message([
    bytesField(1, node),
    bytesField(1, reduce),
    stringField(2, "classification_head"),
    bytesField(5, weights),
    bytesField(5, bias),
    bytesField(5, axes),
    bytesField(11, valueInfo(HEAD_INPUT, ["frames", head.dim])),
    bytesField(12, valueInfo(HEAD_OUTPUT, ["frames", head.classes])),
    bytesField(12, valueInfo(HEAD_FRAME_SUM, [head.dim])),
  ]);
  return message([
    varintField(1, 7), // ir_version
    stringField(2, "resonance"),
    bytesField(7, graph),
    bytesField(8, message([stringField(1, ""), varintField(2, 13)])), // opset_import: default domain, opset 13
  ]);
}

const FLOAT = 1;
const INT64 = 7;

function int64Bytes(value: number): Uint8Array {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigInt64(0, BigInt(value), true);
  return bytes;
}

function tensor(name: string, dims: number[], values: Float32Array): Uint8Array {
  const raw = new Uint8Array(values.length * 4);
  const view = new DataView(raw.buffer);
  for (let index = 0; index < values.length; index++) view.setFloat32(index * 4, values[index]!, true);
  return message([...dims.map((dim) => varintField(1, dim)), varintField(2, FLOAT), stringField(8, name), bytesField(9, raw)]);
}

function valueInfo(name: string, dims: (number | string)[]): Uint8Array {
  const shape = message(dims.map((dim) => bytesField(1, typeof dim === "number" ? message([varintField(1, dim)]) : message([stringField(2, dim)]))));
  const tensorType = message([varintField(1, FLOAT), bytesField(2, shape)]);
  return message([stringField(1, name), bytesField(2, message([bytesField(1, tensorType)]))]);
}

function message(fields: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(fields.reduce((sum, field) => sum + field.length, 0));
  let offset = 0;
  for (const field of fields) {
    out.set(field, offset);
    offset += field.length;
  }
  return out;
}

function varint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return bytes;
}

function varintField(field: number, value: number): Uint8Array {
  return Uint8Array.from([...varint(field * 8), ...varint(value)]);
}

function bytesField(field: number, bytes: Uint8Array): Uint8Array {
  return message([Uint8Array.from([...varint(field * 8 + 2), ...varint(bytes.length)]), bytes]);
}

function stringField(field: number, text: string): Uint8Array {
  return bytesField(field, new TextEncoder().encode(text));
}
