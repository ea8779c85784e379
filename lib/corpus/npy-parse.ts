import { parsePyLiteral, type PyLiteral } from "./npy-header";
import { NpyFormatError } from "./npy-format-error";

export interface NpyArray {
  /** `[]` for a scalar. */
  shape: number[];
  /** Values in C (row-major) order, whatever the file's order. */
  data: Float32Array;
  /** As written in the file, e.g. "<f4". */
  dtype: string;
  /** Whether the file stored the values in Fortran (column-major) order. */
  fortranOrder: boolean;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const FLOAT_DTYPE = /^([<>])f([48])$/;

/**
 * Reads a NumPy .npy file holding a float32 or float64 array (the embeddings
 * the emotion2vec+ WebUI writes). Pure; `displayName` names the file in errors.
 * float64 values are rounded to float32. Throws NpyFormatError for anything
 * else: other dtypes, object (pickled) or structured arrays, truncated data.
 */
export function parseNpy(bytes: Uint8Array, displayName: string): NpyArray {
  function fail(reason: string): never {
    throw new NpyFormatError(displayName, `${displayName} ${reason}`);
  }
  if (bytes.length < 10 || MAGIC.some((byte, index) => bytes[index] !== byte)) {
    fail("is not a NumPy .npy file (it does not start with \\x93NUMPY)");
  }
  const major = bytes[6] ?? 0;
  const minor = bytes[7] ?? 0;
  if (major < 1 || major > 3) fail(`uses .npy format version ${major}.${minor}; only versions 1.0 to 3.0 are supported`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Version 1 has a 2-byte header length; 2 and 3 widened it to 4 bytes.
  const prefix = major === 1 ? 10 : 12;
  if (bytes.length < prefix) fail("ends inside its header");
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const dataOffset = prefix + headerLength;
  if (bytes.length < dataOffset) fail("ends inside its header");
  // Version 3 allows UTF-8 in the header (field names); 1 and 2 are latin-1.
  const headerText = new TextDecoder(major === 3 ? "utf-8" : "latin1").decode(bytes.subarray(prefix, dataOffset));

  const header = readHeader(headerText, fail);
  const { descr, shape, fortranOrder } = header;
  const dtype = FLOAT_DTYPE.exec(descr);
  if (!dtype) fail(`has dtype '${descr}'; ${describeUnsupported(descr)}only float32/float64 arrays are supported`);
  const littleEndian = dtype[1] === "<";
  const itemSize = dtype[2] === "4" ? 4 : 8;

  const count = shape.reduce((product, size) => product * size, 1);
  const needed = count * itemSize;
  const available = bytes.length - dataOffset;
  if (available < needed) {
    fail(`is truncated: shape ${formatNpyShape(shape)} needs ${needed} bytes of data but the file has ${available}`);
  }

  const values = readValues(bytes, dataOffset, count, itemSize, littleEndian);
  const data = fortranOrder && shape.length > 1 ? fortranToC(values, shape) : values;
  return { shape, data, dtype: descr, fortranOrder };
}

/** A shape as Python prints it: (), (768,), (12, 768). */
export function formatNpyShape(shape: readonly number[]): string {
  return `(${shape.join(", ")}${shape.length === 1 ? "," : ""})`;
}

function readValues(bytes: Uint8Array, offset: number, count: number, itemSize: 4 | 8, littleEndian: boolean): Float32Array {
  if (itemSize === 4 && littleEndian === HOST_IS_LITTLE_ENDIAN) {
    // Native float32: one byte copy, which also gives the 4-byte alignment Float32Array needs.
    // (Not bytes.slice(): on a Node Buffer that is a view into a shared pool, not a copy.)
    const values = new Float32Array(count);
    new Uint8Array(values.buffer).set(bytes.subarray(offset, offset + count * 4));
    return values;
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset, count * itemSize);
  const values = new Float32Array(count);
  for (let index = 0; index < count; index += 1) {
    values[index] = itemSize === 4 ? view.getFloat32(index * 4, littleEndian) : view.getFloat64(index * 8, littleEndian);
  }
  return values;
}

function readHeader(
  text: string,
  fail: (reason: string) => never,
): { descr: string; shape: number[]; fortranOrder: boolean } {
  const parsed = parsePyLiteral(text.trim());
  if (!parsed.ok) return fail(`has a header that cannot be read (${parsed.reason})`);
  const header = parsed.value;
  if (!isDict(header)) return fail("has a header that is not a dictionary");
  const { descr, fortran_order: fortranOrder, shape } = header;
  if (Array.isArray(descr)) return fail("holds a structured array (named fields); only plain float32/float64 arrays are supported");
  if (typeof descr !== "string") return fail("has a header without a 'descr' (dtype) entry");
  if (typeof fortranOrder !== "boolean") return fail("has a header without a True/False 'fortran_order' entry");
  if (!Array.isArray(shape) || !shape.every((size) => typeof size === "number" && Number.isSafeInteger(size) && size >= 0)) {
    return fail("has a header whose 'shape' is not a tuple of sizes");
  }
  return { descr, fortranOrder, shape: shape as number[] };
}

function isDict(value: PyLiteral): value is { [key: string]: PyLiteral } {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describeUnsupported(descr: string): string {
  const kind = descr.replace(/^[<>|=]/, "").charAt(0);
  if (kind === "O") return "object arrays hold pickled Python objects, which are never loaded; ";
  if (kind === "c") return "complex numbers are not embeddings; ";
  return "";
}

/** Reorders column-major values into row-major order for any number of dimensions. */
function fortranToC(values: Float32Array, shape: readonly number[]): Float32Array {
  const rank = shape.length;
  const fortranStrides = new Array<number>(rank);
  let stride = 1;
  for (let axis = 0; axis < rank; axis += 1) {
    fortranStrides[axis] = stride;
    stride *= shape[axis] ?? 1;
  }
  const out = new Float32Array(values.length);
  const index = new Array<number>(rank).fill(0);
  let source = 0;
  for (let target = 0; target < out.length; target += 1) {
    out[target] = values[source] ?? 0;
    // Advance the C-order multi-index (last axis fastest), keeping the Fortran offset in step.
    for (let axis = rank - 1; axis >= 0; axis -= 1) {
      const size = shape[axis] ?? 1;
      const step = fortranStrides[axis] ?? 1;
      if ((index[axis] ?? 0) + 1 < size) {
        index[axis] = (index[axis] ?? 0) + 1;
        source += step;
        break;
      }
      source -= (size - 1) * step;
      index[axis] = 0;
    }
  }
  return out;
}
