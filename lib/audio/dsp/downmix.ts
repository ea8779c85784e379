import { scratchDspKernel } from "./kernel";

// Frames per kernel call: three regions of this size stay in L2 cache.
const BLOCK = 16_384;
const REGION = BLOCK + 4;

/**
 * Mixes planar channels to mono as their mean (WebAssembly SIMD). Returns the
 * input array itself (no copy) when there is exactly one channel: callers must
 * not write to the result if they still use the channel.
 *
 * `output`, when given, receives the mix and the result is a view of its
 * first frames: a caller that hands each chunk straight on (the resampler
 * copies its input) can reuse one buffer, which halves the cost per hour,
 * most of it being the allocation of a fresh array per chunk.
 */
export function downmixToMono(channels: readonly Float32Array[], output?: Float32Array): Float32Array {
  const first = channels[0];
  if (!first) throw new RangeError("downmixToMono needs at least one channel");
  const length = first.length;
  for (const channel of channels) {
    if (channel.length !== length) {
      throw new RangeError(`downmixToMono: channels differ in length (${length} and ${channel.length} samples)`);
    }
  }
  if (channels.length === 1) return first;

  const kernel = scratchDspKernel(3 * REGION * 4);
  const heap = new Float32Array(kernel.memory.buffer);
  const { downmix2, mix_add, mix_scale } = kernel.exports;
  const a = 0;
  const b = REGION;
  const mixed = 2 * REGION;
  if (output && output.length < length) {
    throw new RangeError(`downmixToMono: output holds ${output.length} samples, the channels ${length}`);
  }
  const out = output ? output.subarray(0, length) : new Float32Array(length);
  const scale = 1 / channels.length;
  for (let offset = 0; offset < length; offset += BLOCK) {
    const count = Math.min(BLOCK, length - offset);
    heap.set(first.subarray(offset, offset + count), a);
    if (channels.length === 2) {
      heap.set(channels[1]!.subarray(offset, offset + count), b);
      downmix2(a * 4, b * 4, mixed * 4, count);
      out.set(heap.subarray(mixed, mixed + count), offset);
      continue;
    }
    for (let c = 1; c < channels.length; c += 1) {
      heap.set(channels[c]!.subarray(offset, offset + count), b);
      mix_add(a * 4, b * 4, count);
    }
    mix_scale(a * 4, count, scale);
    out.set(heap.subarray(a, a + count), offset);
  }
  return out;
}
