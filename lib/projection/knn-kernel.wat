;; SIMD kernel of the exact nearest-neighbour search (knn-kernel.ts): a block of
;; dot products between `aRows` rows at `a` and `bRows` rows at `b`, written
;; row-major to `out` (aRows x bRows f32). Assemble with
;; `npx tsx lib/projection/wasm-kernels-build.ts` (needs wat2wasm, Debian package
;; `wabt`), which regenerates knn-kernel.generated.ts.
;;
;; Written by hand because brute force at 50,000 x 768 is 1.9e12 multiply-adds:
;; plain JavaScript manages about 1 per nanosecond, far from the issue's 90 s.
;; Each step works on a 4 x 2 tile of rows so that every loaded vector feeds
;; two or four products (8 accumulators + 6 loads fit x64's 16 vector
;; registers); the tile's rows are added four floats at a time.
;;
;; Layout: rows are `dims` f32 each, contiguous; `dims` is a positive multiple
;; of 4, `aRows` of 4 and `bRows` of 2 (the caller pads with zeros, which
;; change no dot product).
(module
  (import "env" "memory" (memory 1))

  (func $hsum (param $v v128) (result f32)
    (f32.add
      (f32.add (f32x4.extract_lane 0 (local.get $v)) (f32x4.extract_lane 1 (local.get $v)))
      (f32.add (f32x4.extract_lane 2 (local.get $v)) (f32x4.extract_lane 3 (local.get $v)))))

  (func (export "dot_block")
    (param $a i32) (param $aRows i32) (param $b i32) (param $bRows i32)
    (param $dims i32) (param $out i32)
    (local $rowBytes i32) (local $i i32) (local $j i32) (local $k i32)
    (local $pa0 i32) (local $pa1 i32) (local $pa2 i32) (local $pa3 i32)
    (local $pb0 i32) (local $pb1 i32) (local $o i32) (local $outRowBytes i32)
    (local $y0 v128) (local $y1 v128) (local $x v128)
    (local $s00 v128) (local $s01 v128) (local $s10 v128) (local $s11 v128)
    (local $s20 v128) (local $s21 v128) (local $s30 v128) (local $s31 v128)
    (local.set $rowBytes (i32.shl (local.get $dims) (i32.const 2)))
    (local.set $outRowBytes (i32.shl (local.get $bRows) (i32.const 2)))
    (block $doneI
      (loop $loopI
        (br_if $doneI (i32.ge_u (local.get $i) (local.get $aRows)))
        (local.set $pa0 (i32.add (local.get $a) (i32.mul (local.get $i) (local.get $rowBytes))))
        (local.set $pa1 (i32.add (local.get $pa0) (local.get $rowBytes)))
        (local.set $pa2 (i32.add (local.get $pa1) (local.get $rowBytes)))
        (local.set $pa3 (i32.add (local.get $pa2) (local.get $rowBytes)))
        (local.set $j (i32.const 0))
        (block $doneJ
          (loop $loopJ
            (br_if $doneJ (i32.ge_u (local.get $j) (local.get $bRows)))
            (local.set $pb0 (i32.add (local.get $b) (i32.mul (local.get $j) (local.get $rowBytes))))
            (local.set $pb1 (i32.add (local.get $pb0) (local.get $rowBytes)))
            (local.set $s00 (v128.const i32x4 0 0 0 0))
            (local.set $s01 (v128.const i32x4 0 0 0 0))
            (local.set $s10 (v128.const i32x4 0 0 0 0))
            (local.set $s11 (v128.const i32x4 0 0 0 0))
            (local.set $s20 (v128.const i32x4 0 0 0 0))
            (local.set $s21 (v128.const i32x4 0 0 0 0))
            (local.set $s30 (v128.const i32x4 0 0 0 0))
            (local.set $s31 (v128.const i32x4 0 0 0 0))
            (local.set $k (i32.const 0))
            (loop $dot
              (local.set $y0 (v128.load (i32.add (local.get $pb0) (local.get $k))))
              (local.set $y1 (v128.load (i32.add (local.get $pb1) (local.get $k))))
              (local.set $x (v128.load (i32.add (local.get $pa0) (local.get $k))))
              (local.set $s00 (f32x4.add (local.get $s00) (f32x4.mul (local.get $x) (local.get $y0))))
              (local.set $s01 (f32x4.add (local.get $s01) (f32x4.mul (local.get $x) (local.get $y1))))
              (local.set $x (v128.load (i32.add (local.get $pa1) (local.get $k))))
              (local.set $s10 (f32x4.add (local.get $s10) (f32x4.mul (local.get $x) (local.get $y0))))
              (local.set $s11 (f32x4.add (local.get $s11) (f32x4.mul (local.get $x) (local.get $y1))))
              (local.set $x (v128.load (i32.add (local.get $pa2) (local.get $k))))
              (local.set $s20 (f32x4.add (local.get $s20) (f32x4.mul (local.get $x) (local.get $y0))))
              (local.set $s21 (f32x4.add (local.get $s21) (f32x4.mul (local.get $x) (local.get $y1))))
              (local.set $x (v128.load (i32.add (local.get $pa3) (local.get $k))))
              (local.set $s30 (f32x4.add (local.get $s30) (f32x4.mul (local.get $x) (local.get $y0))))
              (local.set $s31 (f32x4.add (local.get $s31) (f32x4.mul (local.get $x) (local.get $y1))))
              (local.set $k (i32.add (local.get $k) (i32.const 16)))
              (br_if $dot (i32.lt_u (local.get $k) (local.get $rowBytes))))
            (local.set $o (i32.add (local.get $out)
              (i32.add (i32.mul (local.get $i) (local.get $outRowBytes)) (i32.shl (local.get $j) (i32.const 2)))))
            (f32.store (local.get $o) (call $hsum (local.get $s00)))
            (f32.store offset=4 (local.get $o) (call $hsum (local.get $s01)))
            (local.set $o (i32.add (local.get $o) (local.get $outRowBytes)))
            (f32.store (local.get $o) (call $hsum (local.get $s10)))
            (f32.store offset=4 (local.get $o) (call $hsum (local.get $s11)))
            (local.set $o (i32.add (local.get $o) (local.get $outRowBytes)))
            (f32.store (local.get $o) (call $hsum (local.get $s20)))
            (f32.store offset=4 (local.get $o) (call $hsum (local.get $s21)))
            (local.set $o (i32.add (local.get $o) (local.get $outRowBytes)))
            (f32.store (local.get $o) (call $hsum (local.get $s30)))
            (f32.store offset=4 (local.get $o) (call $hsum (local.get $s31)))
            (local.set $j (i32.add (local.get $j) (i32.const 2)))
            (br $loopJ)))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $loopI))))
)
