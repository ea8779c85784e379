import { ArrayShapeError } from "../../array-shape-error";

/** Element types a streamed .npy may declare: little-endian float32/float64, int32/int64. */
export type NpyDtype = "<f4" | "<f8" | "<i4" | "<i8";

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const PREFIX_BYTES = 10; // magic, version 1.0, 2-byte header length
/** numpy pads the header so the data starts 64-byte aligned (memory-mappable). */
const ALIGN = 64;
const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * The header of a .npy file (format 1.0, C order) whose data the caller writes
 * after it, row by row: `npyHeader("<f4", [items, 768])` then each item's
 * embedding as npyFloat32Bytes. The shape must be known up front; numpy checks
 * that the file holds exactly shape's product of elements. Written as
 * lib/domain/npy-writer.ts writes its header, so the two agree byte for byte.
 */
export function npyHeader(dtype: NpyDtype, shape: readonly number[]): Uint8Array {
  if (!shape.every((size) => Number.isSafeInteger(size) && size >= 0)) {
    throw new ArrayShapeError(`npyHeader: shape ${pythonShape(shape)} must list whole sizes ≥ 0`);
  }
  const dict = `{'descr': '${dtype}', 'fortran_order': False, 'shape': ${pythonShape(shape)}, }`;
  // The header ends with a newline; spaces before it make prefix + header a multiple of 64.
  const padding = (ALIGN - ((PREFIX_BYTES + dict.length + 1) % ALIGN)) % ALIGN;
  const header = `${dict}${" ".repeat(padding)}\n`;
  if (header.length > 0xffff) throw new ArrayShapeError(`npyHeader: shape ${pythonShape(shape)} has too many dimensions for a .npy 1.0 header`);
  const bytes = new Uint8Array(PREFIX_BYTES + header.length);
  bytes.set(MAGIC, 0);
  bytes[6] = 1;
  bytes[7] = 0;
  new DataView(bytes.buffer).setUint16(8, header.length, true);
  // The header is ASCII, so one char is one byte.
  for (let index = 0; index < header.length; index++) bytes[PREFIX_BYTES + index] = header.charCodeAt(index);
  return bytes;
}

/** `values` as little-endian float32 bytes, the data that follows an "<f4" header; a fresh copy, so the caller may reuse its array. */
export function npyFloat32Bytes(values: Float32Array): Uint8Array {
  if (HOST_IS_LITTLE_ENDIAN) return new Uint8Array(values.buffer.slice(values.byteOffset, values.byteOffset + values.byteLength));
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < values.length; index++) view.setFloat32(index * 4, values[index]!, true);
  return bytes;
}

/** A shape as Python writes a tuple: (), (768,), (12, 768). */
function pythonShape(shape: readonly number[]): string {
  return `(${shape.join(", ")}${shape.length === 1 ? "," : ""})`;
}
