// Streaming band-limited resampler: a polyphase Kaiser-windowed sinc FIR whose
// inner loop runs in WebAssembly SIMD (kernel.wat). Memory stays
// bounded whatever the recording length: input is fed to the kernel in blocks
// of BLOCK samples and only the filter's history is kept between pushes.
import { acquireDspKernel, compileDspKernel, releaseDspKernel, type DspKernel } from "./kernel";
import { designResamplerFilter, greatestCommonDivisor, type ResamplerFilter } from "./resampler-filter";
import { ResamplerError } from "./resampler-error";

export interface StreamingResampler {
  readonly inputRate: number;
  readonly outputRate: number;
  /** Feeds the next input samples (any length, may be 0); returns the output samples now available. */
  push(input: Float32Array): Float32Array;
  /**
   * Ends the input and returns the remaining output. Afterwards the total
   * output length is exactly resampledLength(totalInput, inputRate, outputRate).
   */
  flush(): Float32Array;
  /** Releases the WebAssembly memory for reuse; safe to call more than once. */
  dispose(): void;
}

export const MIN_RESAMPLER_RATE = 1000;
export const MAX_RESAMPLER_RATE = 768_000;

const BLOCK = 16_384;
const OUT_CAPACITY = 16_384;
const STATE_BYTES = 16;
const FILTER_CACHE_LIMIT = 16;

const filterCache = new Map<string, ResamplerFilter>();

function filterFor(upFactor: number, downFactor: number): ResamplerFilter {
  const key = `${upFactor}/${downFactor}`;
  let filter = filterCache.get(key);
  if (!filter) {
    filter = designResamplerFilter(upFactor, downFactor);
    if (filterCache.size >= FILTER_CACHE_LIMIT) {
      const oldest = filterCache.keys().next().value;
      if (oldest !== undefined) filterCache.delete(oldest);
    }
    filterCache.set(key, filter);
  }
  return filter;
}

function checkRate(rate: number, role: string): void {
  if (!Number.isInteger(rate) || rate < MIN_RESAMPLER_RATE || rate > MAX_RESAMPLER_RATE) {
    throw new ResamplerError(
      "UNSUPPORTED_SAMPLE_RATE",
      `cannot resample: ${role} sample rate ${rate} Hz is not a whole number of hertz between ${MIN_RESAMPLER_RATE} and ${MAX_RESAMPLER_RATE}`,
    );
  }
}

/** Output length for `inputLength` samples: Math.round(inputLength · outputRate / inputRate), computed exactly. */
export function resampledLength(inputLength: number, inputRate: number, outputRate: number): number {
  const divisor = greatestCommonDivisor(inputRate, outputRate);
  const up = outputRate / divisor;
  const down = inputRate / divisor;
  return Math.floor((2 * inputLength * up + down) / (2 * down));
}

function closedError(): ResamplerError {
  return new ResamplerError("RESAMPLER_CLOSED", "resampler used after flush() or dispose(): create a new one per stream");
}

class PassThroughResampler implements StreamingResampler {
  private open = true;

  constructor(
    readonly inputRate: number,
    readonly outputRate: number,
  ) {}

  push(input: Float32Array): Float32Array {
    if (!this.open) throw closedError();
    return input.slice();
  }

  flush(): Float32Array {
    if (!this.open) throw closedError();
    this.open = false;
    return new Float32Array(0);
  }

  dispose(): void {
    this.open = false;
  }
}

class WasmResampler implements StreamingResampler {
  private kernel: DspKernel | null;
  private flushed = false;
  private readonly heap: Float32Array;
  private readonly state: Int32Array;
  private readonly filter: ResamplerFilter;
  private readonly upFactor: number;
  private readonly downFactor: number;
  private readonly stepInt: number;
  private readonly stepFrac: number;
  private readonly interpolationScale: number;
  private readonly coefPtr: number;
  private readonly bufPtr: number;
  private readonly outPtr: number;
  private readonly bufCapacity: number;
  /** Samples in the kernel's input buffer, counting the leading zero padding. */
  private bufLength: number;
  private consumed = 0;
  private produced = 0;

  constructor(
    readonly inputRate: number,
    readonly outputRate: number,
  ) {
    const divisor = greatestCommonDivisor(inputRate, outputRate);
    this.upFactor = outputRate / divisor;
    this.downFactor = inputRate / divisor;
    this.stepInt = Math.floor(this.downFactor / this.upFactor);
    this.stepFrac = this.downFactor % this.upFactor;
    this.filter = filterFor(this.upFactor, this.downFactor);
    this.interpolationScale = this.filter.interpolated ? (this.filter.rows - 1) / this.upFactor : 0;

    const taps = this.filter.taps;
    this.bufCapacity = taps + BLOCK;
    this.coefPtr = STATE_BYTES;
    this.bufPtr = this.coefPtr + this.filter.coefficients.byteLength;
    this.outPtr = this.bufPtr + this.bufCapacity * 4;
    const bytesNeeded = this.outPtr + OUT_CAPACITY * 4;

    this.kernel = acquireDspKernel(bytesNeeded);
    this.heap = new Float32Array(this.kernel.memory.buffer);
    this.state = new Int32Array(this.kernel.memory.buffer, 0, 2);
    this.heap.set(this.filter.coefficients, this.coefPtr / 4);
    // Output 0 sits at input time 0; half a filter of zeros before the first
    // sample centres it there.
    this.bufLength = taps / 2 - 1;
    this.heap.fill(0, this.bufPtr / 4, this.bufPtr / 4 + this.bufLength);
    this.state[0] = 0;
    this.state[1] = 0;
  }

  /** How many outputs the input seen so far allows (every tap of the window present). */
  private availableOutputs(totalInput: number): number {
    const ahead = totalInput - this.filter.taps / 2;
    if (ahead <= 0) return 0;
    return Math.floor((ahead * this.upFactor - 1) / this.downFactor) + 1;
  }

  push(input: Float32Array): Float32Array {
    if (!this.kernel || this.flushed) throw closedError();
    const total = this.consumed + input.length;
    const result = new Float32Array(this.availableOutputs(total) - this.produced);
    let written = 0;
    for (let offset = 0; offset < input.length; offset += BLOCK) {
      const take = Math.min(BLOCK, input.length - offset);
      this.heap.set(input.subarray(offset, offset + take), this.bufPtr / 4 + this.bufLength);
      this.bufLength += take;
      written = this.drain(this.kernel.exports, result, written);
    }
    this.consumed = total;
    this.produced += written;
    if (written !== result.length) throw new Error(`resampler bug: produced ${written} samples, expected ${result.length}`);
    return result;
  }

  flush(): Float32Array {
    if (!this.kernel || this.flushed) throw closedError();
    this.flushed = true;
    const target = resampledLength(this.consumed, this.inputRate, this.outputRate);
    const result = new Float32Array(Math.max(0, target - this.produced));
    let written = 0;
    // The input ends in zeros: pad until the last output's window is covered.
    while (written < result.length) {
      this.heap.fill(0, this.bufPtr / 4 + this.bufLength, this.bufPtr / 4 + this.bufCapacity);
      this.bufLength = this.bufCapacity;
      written = this.drain(this.kernel.exports, result, written);
    }
    this.produced += written;
    return result;
  }

  dispose(): void {
    if (this.kernel) releaseDspKernel(this.kernel);
    this.kernel = null;
  }

  /** Runs the kernel over the buffered input into `target` from `at`, then keeps only the history still needed. */
  private drain(kernel: DspKernel["exports"], target: Float32Array, at: number): number {
    const { taps, interpolated } = this.filter;
    let written = at;
    for (;;) {
      const want = Math.min(OUT_CAPACITY, target.length - written);
      if (want <= 0) break;
      const count = interpolated
        ? kernel.run_interpolated(
            this.coefPtr, taps, this.upFactor, this.stepInt, this.stepFrac,
            this.bufPtr, this.bufLength, this.outPtr, want, 0, this.interpolationScale,
          )
        : kernel.run_exact(
            this.coefPtr, taps, this.upFactor, this.stepInt, this.stepFrac,
            this.bufPtr, this.bufLength, this.outPtr, want, 0,
          );
      target.set(this.heap.subarray(this.outPtr / 4, this.outPtr / 4 + count), written);
      written += count;
      if (count < want) break;
    }
    const position = this.state[0]!;
    const drop = Math.min(position, this.bufLength);
    if (drop > 0) {
      const base = this.bufPtr / 4;
      this.heap.copyWithin(base, base + drop, base + this.bufLength);
      this.bufLength -= drop;
      this.state[0] = position - drop;
    }
    return written;
  }
}

/**
 * Creates a streaming resampler from `inputRate` to `outputRate` (whole Hz,
 * MIN_RESAMPLER_RATE…MAX_RESAMPLER_RATE). Output sample n corresponds to input
 * time n / outputRate; the output does not depend on how the input is chunked.
 */
export function createResamplerSync(inputRate: number, outputRate: number): StreamingResampler {
  checkRate(inputRate, "input");
  checkRate(outputRate, "output");
  if (inputRate === outputRate) return new PassThroughResampler(inputRate, outputRate);
  return new WasmResampler(inputRate, outputRate);
}

/** Like createResamplerSync, but compiles the kernel asynchronously first (required in browsers). */
export async function createResampler(inputRate: number, outputRate: number): Promise<StreamingResampler> {
  checkRate(inputRate, "input");
  checkRate(outputRate, "output");
  await compileDspKernel();
  return createResamplerSync(inputRate, outputRate);
}
