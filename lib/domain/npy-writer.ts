import { ArrayShapeError } from "./array-shape-error";

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const PREFIX_BYTES = 10; // magic, version 1.0, 2-byte header length
/** numpy pads the header so the data starts 64-byte aligned (memory-mappable). */
const ALIGN = 64;
const HOST_IS_LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * A NumPy .npy file (format 1.0) holding `data` as little-endian float32 in C
 * order with the given shape: `[768]` for an utterance embedding (D,),
 * `[frames, 768]` for frame embeddings (F, D), `[]` for a scalar. np.load
 * reads it as dtype float32. Throws ArrayShapeError when the shape does not
 * hold exactly data.length values.
 */
export function encodeNpyFloat32(data: Float32Array, shape: readonly number[]): Uint8Array {
  if (!shape.every((size) => Number.isSafeInteger(size) && size >= 0)) {
    throw new ArrayShapeError(`encodeNpyFloat32: shape ${pythonShape(shape)} must list whole sizes ≥ 0`);
  }
  const count = shape.reduce((product, size) => product * size, 1);
  if (count !== data.length) {
    throw new ArrayShapeError(`encodeNpyFloat32: shape ${pythonShape(shape)} holds ${count} values but there are ${data.length}`);
  }
  const dict = `{'descr': '<f4', 'fortran_order': False, 'shape': ${pythonShape(shape)}, }`;
  // The header ends with a newline; spaces before it make prefix + header a multiple of 64.
  const padding = (ALIGN - ((PREFIX_BYTES + dict.length + 1) % ALIGN)) % ALIGN;
  const header = `${dict}${" ".repeat(padding)}\n`;
  if (header.length > 0xffff) throw new ArrayShapeError(`encodeNpyFloat32: shape ${pythonShape(shape)} has too many dimensions for a .npy 1.0 header`);

  const dataOffset = PREFIX_BYTES + header.length;
  const bytes = new Uint8Array(dataOffset + data.length * 4);
  bytes.set(MAGIC, 0);
  bytes[6] = 1;
  bytes[7] = 0;
  const view = new DataView(bytes.buffer);
  view.setUint16(8, header.length, true);
  // The header is ASCII, so one char is one byte.
  for (let index = 0; index < header.length; index++) bytes[PREFIX_BYTES + index] = header.charCodeAt(index);
  if (HOST_IS_LITTLE_ENDIAN) {
    bytes.set(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), dataOffset);
  } else {
    for (let index = 0; index < data.length; index++) view.setFloat32(dataOffset + index * 4, data[index]!, true);
  }
  return bytes;
}

/** A shape as Python writes a tuple: (), (768,), (12, 768). */
function pythonShape(shape: readonly number[]): string {
  return `(${shape.join(", ")}${shape.length === 1 ? "," : ""})`;
}
