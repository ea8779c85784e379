;; SIMD kernels of the audio import pipeline: the polyphase resampler's inner
;; loop (driven by resampler.ts), downmix, the clipping/peak scan, per-frame
;; energy and per-block min/max (used by downmix.ts, quality-meter.ts, peaks.ts
;; through kernel.ts). Assemble with `npx tsx lib/audio/dsp/kernel-build.ts`
;; (needs wat2wasm, Debian package `wabt`), which regenerates
;; kernel.generated.ts.
;;
;; Written by hand in WebAssembly text because a plain JavaScript FIR took
;; 6.4 s per audio hour with only 48 taps: here each output sample is one dot
;; product of `taps` input samples with one phase of the filter, done four
;; floats at a time with four independent accumulators so the additions do not
;; wait on each other.
;;
;; The streaming stages run here too because plain JavaScript loops manage
;; about 1 to 4 ns per sample on our machines, which for an hour of 48 kHz
;; stereo (346 M samples) is several times the 0.3 s budget per stage.
;;
;; Resampler layout shared with resampler.ts (all offsets in bytes):
;;   state+0: i32 pos    index in the input buffer of the next output's first tap
;;   state+4: i32 phase  numerator of the next output's fractional position
;;   coef: `phases` rows of `taps` f32, row-major (phase-major)
;; `taps` is a positive multiple of 16 (resampler-filter.ts rounds the length up).
(module
  (import "env" "memory" (memory 1))

  ;; Exact rational stepping: the phase row is the phase numerator itself.
  ;; Produces outputs while the filter window fits in `avail` input samples and
  ;; fewer than `maxOut` were written; returns how many were written.
  (func (export "run_exact")
    (param $coef i32) (param $taps i32) (param $L i32)
    (param $stepInt i32) (param $stepFrac i32)
    (param $buf i32) (param $avail i32)
    (param $out i32) (param $maxOut i32) (param $state i32)
    (result i32)
    (local $pos i32) (local $phase i32) (local $count i32) (local $limit i32)
    (local $x i32) (local $c i32) (local $n i32) (local $rowBytes i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local.set $pos (i32.load (local.get $state)))
    (local.set $phase (i32.load offset=4 (local.get $state)))
    (local.set $limit (i32.sub (local.get $avail) (local.get $taps)))
    (local.set $rowBytes (i32.shl (local.get $taps) (i32.const 2)))
    (block $done
      (loop $outer
        (br_if $done (i32.ge_s (local.get $count) (local.get $maxOut)))
        (br_if $done (i32.gt_s (local.get $pos) (local.get $limit)))
        (local.set $x (i32.add (local.get $buf) (i32.shl (local.get $pos) (i32.const 2))))
        (local.set $c (i32.add (local.get $coef) (i32.mul (local.get $phase) (local.get $rowBytes))))
        (local.set $n (i32.shr_u (local.get $taps) (i32.const 4)))
        (local.set $a0 (v128.const i32x4 0 0 0 0))
        (local.set $a1 (v128.const i32x4 0 0 0 0))
        (local.set $a2 (v128.const i32x4 0 0 0 0))
        (local.set $a3 (v128.const i32x4 0 0 0 0))
        (loop $dot
          (local.set $a0 (f32x4.add (local.get $a0)
            (f32x4.mul (v128.load (local.get $x)) (v128.load (local.get $c)))))
          (local.set $a1 (f32x4.add (local.get $a1)
            (f32x4.mul (v128.load offset=16 (local.get $x)) (v128.load offset=16 (local.get $c)))))
          (local.set $a2 (f32x4.add (local.get $a2)
            (f32x4.mul (v128.load offset=32 (local.get $x)) (v128.load offset=32 (local.get $c)))))
          (local.set $a3 (f32x4.add (local.get $a3)
            (f32x4.mul (v128.load offset=48 (local.get $x)) (v128.load offset=48 (local.get $c)))))
          (local.set $x (i32.add (local.get $x) (i32.const 64)))
          (local.set $c (i32.add (local.get $c) (i32.const 64)))
          (br_if $dot (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
        (local.set $a0 (f32x4.add
          (f32x4.add (local.get $a0) (local.get $a1))
          (f32x4.add (local.get $a2) (local.get $a3))))
        (f32.store
          (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 2)))
          (f32.add
            (f32.add (f32x4.extract_lane 0 (local.get $a0)) (f32x4.extract_lane 1 (local.get $a0)))
            (f32.add (f32x4.extract_lane 2 (local.get $a0)) (f32x4.extract_lane 3 (local.get $a0)))))
        (local.set $count (i32.add (local.get $count) (i32.const 1)))
        (local.set $pos (i32.add (local.get $pos) (local.get $stepInt)))
        (local.set $phase (i32.add (local.get $phase) (local.get $stepFrac)))
        (if (i32.ge_u (local.get $phase) (local.get $L))
          (then
            (local.set $phase (i32.sub (local.get $phase) (local.get $L)))
            (local.set $pos (i32.add (local.get $pos) (i32.const 1)))))
        (br $outer)))
    (i32.store (local.get $state) (local.get $pos))
    (i32.store offset=4 (local.get $state) (local.get $phase))
    (local.get $count))

  ;; Same stepping, but the filter has only `scale * L` rows plus one: the
  ;; position stays exact (integer phase over L) while the coefficients are
  ;; interpolated linearly between the two nearest rows, so ratios with a huge
  ;; L (odd rates such as 22222 Hz) need no table of L rows.
  (func (export "run_interpolated")
    (param $coef i32) (param $taps i32) (param $L i32)
    (param $stepInt i32) (param $stepFrac i32)
    (param $buf i32) (param $avail i32)
    (param $out i32) (param $maxOut i32) (param $state i32)
    (param $scale f64)
    (result i32)
    (local $pos i32) (local $phase i32) (local $count i32) (local $limit i32)
    (local $x i32) (local $c i32) (local $n i32) (local $rowBytes i32)
    (local $u f64) (local $row i32) (local $frac f32) (local $sa f32) (local $sb f32)
    (local $xv v128) (local $a0 v128) (local $a1 v128) (local $b0 v128) (local $b1 v128)
    (local.set $pos (i32.load (local.get $state)))
    (local.set $phase (i32.load offset=4 (local.get $state)))
    (local.set $limit (i32.sub (local.get $avail) (local.get $taps)))
    (local.set $rowBytes (i32.shl (local.get $taps) (i32.const 2)))
    (block $done
      (loop $outer
        (br_if $done (i32.ge_s (local.get $count) (local.get $maxOut)))
        (br_if $done (i32.gt_s (local.get $pos) (local.get $limit)))
        (local.set $u (f64.mul (f64.convert_i32_u (local.get $phase)) (local.get $scale)))
        (local.set $row (i32.trunc_f64_u (local.get $u)))
        (local.set $frac (f32.demote_f64
          (f64.sub (local.get $u) (f64.convert_i32_u (local.get $row)))))
        (local.set $x (i32.add (local.get $buf) (i32.shl (local.get $pos) (i32.const 2))))
        (local.set $c (i32.add (local.get $coef) (i32.mul (local.get $row) (local.get $rowBytes))))
        (local.set $n (i32.shr_u (local.get $taps) (i32.const 3)))
        (local.set $a0 (v128.const i32x4 0 0 0 0))
        (local.set $a1 (v128.const i32x4 0 0 0 0))
        (local.set $b0 (v128.const i32x4 0 0 0 0))
        (local.set $b1 (v128.const i32x4 0 0 0 0))
        ;; $c walks row `row`; the next row starts $rowBytes further on.
        (loop $dot
          (local.set $xv (v128.load (local.get $x)))
          (local.set $a0 (f32x4.add (local.get $a0)
            (f32x4.mul (local.get $xv) (v128.load (local.get $c)))))
          (local.set $b0 (f32x4.add (local.get $b0)
            (f32x4.mul (local.get $xv)
              (v128.load (i32.add (local.get $c) (local.get $rowBytes))))))
          (local.set $xv (v128.load offset=16 (local.get $x)))
          (local.set $a1 (f32x4.add (local.get $a1)
            (f32x4.mul (local.get $xv) (v128.load offset=16 (local.get $c)))))
          (local.set $b1 (f32x4.add (local.get $b1)
            (f32x4.mul (local.get $xv)
              (v128.load offset=16 (i32.add (local.get $c) (local.get $rowBytes))))))
          (local.set $x (i32.add (local.get $x) (i32.const 32)))
          (local.set $c (i32.add (local.get $c) (i32.const 32)))
          (br_if $dot (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
        (local.set $a0 (f32x4.add (local.get $a0) (local.get $a1)))
        (local.set $b0 (f32x4.add (local.get $b0) (local.get $b1)))
        (local.set $sa (f32.add
          (f32.add (f32x4.extract_lane 0 (local.get $a0)) (f32x4.extract_lane 1 (local.get $a0)))
          (f32.add (f32x4.extract_lane 2 (local.get $a0)) (f32x4.extract_lane 3 (local.get $a0)))))
        (local.set $sb (f32.add
          (f32.add (f32x4.extract_lane 0 (local.get $b0)) (f32x4.extract_lane 1 (local.get $b0)))
          (f32.add (f32x4.extract_lane 2 (local.get $b0)) (f32x4.extract_lane 3 (local.get $b0)))))
        (f32.store
          (i32.add (local.get $out) (i32.shl (local.get $count) (i32.const 2)))
          (f32.add (local.get $sa)
            (f32.mul (local.get $frac) (f32.sub (local.get $sb) (local.get $sa)))))
        (local.set $count (i32.add (local.get $count) (i32.const 1)))
        (local.set $pos (i32.add (local.get $pos) (local.get $stepInt)))
        (local.set $phase (i32.add (local.get $phase) (local.get $stepFrac)))
        (if (i32.ge_u (local.get $phase) (local.get $L))
          (then
            (local.set $phase (i32.sub (local.get $phase) (local.get $L)))
            (local.set $pos (i32.add (local.get $pos) (i32.const 1)))))
        (br $outer)))
    (i32.store (local.get $state) (local.get $pos))
    (i32.store offset=4 (local.get $state) (local.get $phase))
    (local.get $count))
;; ---------------------------------------------------------------------------
;; Streaming stages. Element counts are floats; pointers are bytes. Loops run
;; over whole vectors, so buffers must have room for `n` rounded up to 4.

  ;; out = (a + b) / 2
  (func (export "downmix2") (param $a i32) (param $b i32) (param $out i32) (param $n i32)
    (local $end i32) (local $half v128)
    (local.set $half (f32x4.splat (f32.const 0.5)))
    (local.set $end (i32.add (local.get $out)
      (i32.shl (i32.and (i32.add (local.get $n) (i32.const 3)) (i32.const -4)) (i32.const 2))))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $out) (local.get $end)))
        (v128.store (local.get $out)
          (f32x4.mul (f32x4.add (v128.load (local.get $a)) (v128.load (local.get $b))) (local.get $half)))
        (local.set $a (i32.add (local.get $a) (i32.const 16)))
        (local.set $b (i32.add (local.get $b) (i32.const 16)))
        (local.set $out (i32.add (local.get $out) (i32.const 16)))
        (br $l))))

  ;; dst += src
  (func (export "mix_add") (param $dst i32) (param $src i32) (param $n i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $dst)
      (i32.shl (i32.and (i32.add (local.get $n) (i32.const 3)) (i32.const -4)) (i32.const 2))))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $dst) (local.get $end)))
        (v128.store (local.get $dst) (f32x4.add (v128.load (local.get $dst)) (v128.load (local.get $src))))
        (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
        (local.set $src (i32.add (local.get $src) (i32.const 16)))
        (br $l))))

  ;; dst *= scale
  (func (export "mix_scale") (param $dst i32) (param $n i32) (param $scale f32)
    (local $end i32) (local $s v128)
    (local.set $s (f32x4.splat (local.get $scale)))
    (local.set $end (i32.add (local.get $dst)
      (i32.shl (i32.and (i32.add (local.get $n) (i32.const 3)) (i32.const -4)) (i32.const 2))))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $dst) (local.get $end)))
        (v128.store (local.get $dst) (f32x4.mul (v128.load (local.get $dst)) (local.get $s)))
        (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
        (br $l))))

  ;; dst = max(|dst|, |src|): the loudest channel of each frame.
  (func (export "abs_max_into") (param $dst i32) (param $src i32) (param $n i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $dst)
      (i32.shl (i32.and (i32.add (local.get $n) (i32.const 3)) (i32.const -4)) (i32.const 2))))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $dst) (local.get $end)))
        (v128.store (local.get $dst)
          (f32x4.pmax (f32x4.abs (v128.load (local.get $dst))) (f32x4.abs (v128.load (local.get $src)))))
        (local.set $dst (i32.add (local.get $dst) (i32.const 16)))
        (local.set $src (i32.add (local.get $src) (i32.const 16)))
        (br $l))))

  ;; Counts frames inside runs of >= 2 consecutive frames with |x| >= threshold
  ;; and stores the largest |x| (NaN ignored) at $peakOut. x[-4] … x[-1] must
  ;; hold the frames before this block (0 at the start); frames from n up to
  ;; the next multiple of 4 must be 0. Looking only backwards keeps blocks
  ;; independent: a run of r frames has r-1 frames whose predecessor is full
  ;; scale, plus one frame that is the second of its run.
  (func (export "clip_scan") (param $x i32) (param $n i32) (param $threshold f32) (param $peakOut i32)
    (result i32)
    (local $end i32) (local $t v128) (local $peak v128) (local $count v128)
    (local $f0 v128) (local $prev v128) (local $v v128) (local $pair v128)
    (local.set $t (f32x4.splat (local.get $threshold)))
    (local.set $end (i32.add (local.get $x)
      (i32.shl (i32.and (i32.add (local.get $n) (i32.const 3)) (i32.const -4)) (i32.const 2))))
    (local.set $prev (f32x4.ge (f32x4.abs (v128.load (i32.sub (local.get $x) (i32.const 16)))) (local.get $t)))
    (block $done
      (loop $l
        (br_if $done (i32.ge_u (local.get $x) (local.get $end)))
        (local.set $v (f32x4.abs (v128.load (local.get $x))))
        (local.set $peak (f32x4.pmax (local.get $peak) (local.get $v)))
        (local.set $f0 (f32x4.ge (local.get $v) (local.get $t)))
        ;; Masks are -1 where true, so subtracting counts. The masks of the
        ;; frames one and two back are the current ones shifted in from $prev.
        (local.set $pair (v128.and (local.get $f0)
          (i8x16.shuffle 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 (local.get $prev) (local.get $f0))))
        (local.set $count (i32x4.sub (local.get $count) (local.get $pair)))
        (local.set $count (i32x4.sub (local.get $count) (v128.andnot (local.get $pair)
          (i8x16.shuffle 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 (local.get $prev) (local.get $f0)))))
        (local.set $prev (local.get $f0))
        (local.set $x (i32.add (local.get $x) (i32.const 16)))
        (br $l)))
    (f32.store (local.get $peakOut)
      (f32.max
        (f32.max (f32x4.extract_lane 0 (local.get $peak)) (f32x4.extract_lane 1 (local.get $peak)))
        (f32.max (f32x4.extract_lane 2 (local.get $peak)) (f32x4.extract_lane 3 (local.get $peak)))))
    (i32.add
      (i32.add (i32x4.extract_lane 0 (local.get $count)) (i32x4.extract_lane 1 (local.get $count)))
      (i32.add (i32x4.extract_lane 2 (local.get $count)) (i32x4.extract_lane 3 (local.get $count)))))

  ;; out[f] = sum of squares of frame f (frames of $len floats, back to back).
  (func (export "frame_energy") (param $x i32) (param $frames i32) (param $len i32) (param $out i32)
    (local $f i32) (local $k i32) (local $acc v128) (local $acc2 v128) (local $v v128) (local $sum f32) (local $s f32)
    (block $framesDone
      (loop $frame
        (br_if $framesDone (i32.ge_u (local.get $f) (local.get $frames)))
        (local.set $acc (v128.const i32x4 0 0 0 0))
        (local.set $acc2 (v128.const i32x4 0 0 0 0))
        (local.set $k (i32.shr_u (local.get $len) (i32.const 3)))
        (block $pairsDone
          (loop $pairs
            (br_if $pairsDone (i32.eqz (local.get $k)))
            (local.set $v (v128.load (local.get $x)))
            (local.set $acc (f32x4.add (local.get $acc) (f32x4.mul (local.get $v) (local.get $v))))
            (local.set $v (v128.load offset=16 (local.get $x)))
            (local.set $acc2 (f32x4.add (local.get $acc2) (f32x4.mul (local.get $v) (local.get $v))))
            (local.set $x (i32.add (local.get $x) (i32.const 32)))
            (local.set $k (i32.sub (local.get $k) (i32.const 1)))
            (br $pairs)))
        (local.set $acc (f32x4.add (local.get $acc) (local.get $acc2)))
        (local.set $sum (f32.add
          (f32.add (f32x4.extract_lane 0 (local.get $acc)) (f32x4.extract_lane 1 (local.get $acc)))
          (f32.add (f32x4.extract_lane 2 (local.get $acc)) (f32x4.extract_lane 3 (local.get $acc)))))
        (local.set $k (i32.and (local.get $len) (i32.const 7)))
        (block $tailDone
          (loop $tail
            (br_if $tailDone (i32.eqz (local.get $k)))
            (local.set $s (f32.load (local.get $x)))
            (local.set $sum (f32.add (local.get $sum) (f32.mul (local.get $s) (local.get $s))))
            (local.set $x (i32.add (local.get $x) (i32.const 4)))
            (local.set $k (i32.sub (local.get $k) (i32.const 1)))
            (br $tail)))
        (f32.store (i32.add (local.get $out) (i32.shl (local.get $f) (i32.const 2))) (local.get $sum))
        (local.set $f (i32.add (local.get $f) (i32.const 1)))
        (br $frame))))

  ;; out[2b], out[2b+1] = min and max of block b (blocks of $len floats, back to
  ;; back). NaN samples are skipped unless a whole block is NaN.
  (func (export "block_minmax") (param $x i32) (param $blocks i32) (param $len i32) (param $out i32)
    (local $b i32) (local $k i32) (local $lo v128) (local $hi v128) (local $v v128)
    (local $min f32) (local $max f32) (local $s f32)
    (block $blocksDone
      (loop $block
        (br_if $blocksDone (i32.ge_u (local.get $b) (local.get $blocks)))
        (local.set $lo (f32x4.splat (f32.const inf)))
        (local.set $hi (f32x4.splat (f32.const -inf)))
        (local.set $k (i32.shr_u (local.get $len) (i32.const 2)))
        (block $vecsDone
          (loop $vecs
            (br_if $vecsDone (i32.eqz (local.get $k)))
            (local.set $v (v128.load (local.get $x)))
            (local.set $lo (f32x4.pmin (local.get $lo) (local.get $v)))
            (local.set $hi (f32x4.pmax (local.get $hi) (local.get $v)))
            (local.set $x (i32.add (local.get $x) (i32.const 16)))
            (local.set $k (i32.sub (local.get $k) (i32.const 1)))
            (br $vecs)))
        (local.set $min (f32.min
          (f32.min (f32x4.extract_lane 0 (local.get $lo)) (f32x4.extract_lane 1 (local.get $lo)))
          (f32.min (f32x4.extract_lane 2 (local.get $lo)) (f32x4.extract_lane 3 (local.get $lo)))))
        (local.set $max (f32.max
          (f32.max (f32x4.extract_lane 0 (local.get $hi)) (f32x4.extract_lane 1 (local.get $hi)))
          (f32.max (f32x4.extract_lane 2 (local.get $hi)) (f32x4.extract_lane 3 (local.get $hi)))))
        (local.set $k (i32.and (local.get $len) (i32.const 3)))
        (block $tailDone
          (loop $tail
            (br_if $tailDone (i32.eqz (local.get $k)))
            (local.set $s (f32.load (local.get $x)))
            (if (f32.lt (local.get $s) (local.get $min)) (then (local.set $min (local.get $s))))
            (if (f32.gt (local.get $s) (local.get $max)) (then (local.set $max (local.get $s))))
            (local.set $x (i32.add (local.get $x) (i32.const 4)))
            (local.set $k (i32.sub (local.get $k) (i32.const 1)))
            (br $tail)))
        (f32.store (local.get $out) (local.get $min))
        (f32.store offset=4 (local.get $out) (local.get $max))
        (local.set $out (i32.add (local.get $out) (i32.const 8)))
        (local.set $b (i32.add (local.get $b) (i32.const 1)))
        (br $block)))))
