;; Distance kernel of the exact HDBSCAN spanning tree (row-distances.ts): from
;; one row at `a` to the rows listed at `idx` (i32 row numbers into the rows at
;; `data`), written as f64 to `out`. Assemble with
;; `npx tsx lib/projection/clustering/clustering-kernels-build.ts` (needs
;; wat2wasm, Debian package `wabt`), which regenerates distance-kernel.generated.ts.
;;
;; Two precisions. The float32 functions (four lanes, two accumulators per
;; row) are fast and come with a known rounding bound; the float64 functions
;; (rows widened to f64 lanes) settle the pairs that bound leaves in doubt,
;; so that the tree equals the one from float64 distances throughout, which
;; a float64 reference (scipy) checks to 1e-9. Plain JavaScript managed
;; 0.35-0.6e9 float64 products a second.
;;
;; Layout: rows are `dims` f32 each, contiguous, `dims` a positive multiple of
;; 8 (zero padding changes no sum); `count` is even (the caller repeats the
;; last index and ignores the extra result). Two listed rows per step so that
;; each load of `a` feeds two products.
(module
  (import "env" "memory" (memory 1))

  (func $hsum (param $v v128) (result f32)
    (f32.add
      (f32.add (f32x4.extract_lane 0 (local.get $v)) (f32x4.extract_lane 1 (local.get $v)))
      (f32.add (f32x4.extract_lane 2 (local.get $v)) (f32x4.extract_lane 3 (local.get $v)))))

  ;; f32 lanes: out[j] = sum_d (a[d] - row_idx[j][d])^2
  (func (export "squared_distances_f32")
    (param $a i32) (param $data i32) (param $idx i32) (param $count i32) (param $dims i32) (param $out i32)
    (local $rowBytes i32) (local $j i32) (local $k i32) (local $p0 i32) (local $p1 i32)
    (local $x v128) (local $d v128)
    (local $s0a v128) (local $s0b v128) (local $s1a v128) (local $s1b v128)
    (local.set $rowBytes (i32.shl (local.get $dims) (i32.const 2)))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $j) (local.get $count)))
        (local.set $p0 (i32.add (local.get $data)
          (i32.mul (i32.load (i32.add (local.get $idx) (i32.shl (local.get $j) (i32.const 2)))) (local.get $rowBytes))))
        (local.set $p1 (i32.add (local.get $data)
          (i32.mul (i32.load offset=4 (i32.add (local.get $idx) (i32.shl (local.get $j) (i32.const 2)))) (local.get $rowBytes))))
        (local.set $s0a (v128.const i32x4 0 0 0 0))
        (local.set $s0b (v128.const i32x4 0 0 0 0))
        (local.set $s1a (v128.const i32x4 0 0 0 0))
        (local.set $s1b (v128.const i32x4 0 0 0 0))
        (local.set $k (i32.const 0))
        (loop $sum
          (local.set $x (v128.load (i32.add (local.get $a) (local.get $k))))
          (local.set $d (f32x4.sub (local.get $x) (v128.load (i32.add (local.get $p0) (local.get $k)))))
          (local.set $s0a (f32x4.add (local.get $s0a) (f32x4.mul (local.get $d) (local.get $d))))
          (local.set $d (f32x4.sub (local.get $x) (v128.load (i32.add (local.get $p1) (local.get $k)))))
          (local.set $s1a (f32x4.add (local.get $s1a) (f32x4.mul (local.get $d) (local.get $d))))
          (local.set $x (v128.load offset=16 (i32.add (local.get $a) (local.get $k))))
          (local.set $d (f32x4.sub (local.get $x) (v128.load offset=16 (i32.add (local.get $p0) (local.get $k)))))
          (local.set $s0b (f32x4.add (local.get $s0b) (f32x4.mul (local.get $d) (local.get $d))))
          (local.set $d (f32x4.sub (local.get $x) (v128.load offset=16 (i32.add (local.get $p1) (local.get $k)))))
          (local.set $s1b (f32x4.add (local.get $s1b) (f32x4.mul (local.get $d) (local.get $d))))
          (local.set $k (i32.add (local.get $k) (i32.const 32)))
          (br_if $sum (i32.lt_u (local.get $k) (local.get $rowBytes))))
        (f64.store (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3)))
          (f64.promote_f32 (call $hsum (f32x4.add (local.get $s0a) (local.get $s0b)))))
        (f64.store offset=8 (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3)))
          (f64.promote_f32 (call $hsum (f32x4.add (local.get $s1a) (local.get $s1b)))))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $rows))))

  ;; f32 lanes: out[j] = sum_d a[d] * row_idx[j][d]
  (func (export "dot_products_f32")
    (param $a i32) (param $data i32) (param $idx i32) (param $count i32) (param $dims i32) (param $out i32)
    (local $rowBytes i32) (local $j i32) (local $k i32) (local $p0 i32) (local $p1 i32)
    (local $x v128)
    (local $s0a v128) (local $s0b v128) (local $s1a v128) (local $s1b v128)
    (local.set $rowBytes (i32.shl (local.get $dims) (i32.const 2)))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $j) (local.get $count)))
        (local.set $p0 (i32.add (local.get $data)
          (i32.mul (i32.load (i32.add (local.get $idx) (i32.shl (local.get $j) (i32.const 2)))) (local.get $rowBytes))))
        (local.set $p1 (i32.add (local.get $data)
          (i32.mul (i32.load offset=4 (i32.add (local.get $idx) (i32.shl (local.get $j) (i32.const 2)))) (local.get $rowBytes))))
        (local.set $s0a (v128.const i32x4 0 0 0 0))
        (local.set $s0b (v128.const i32x4 0 0 0 0))
        (local.set $s1a (v128.const i32x4 0 0 0 0))
        (local.set $s1b (v128.const i32x4 0 0 0 0))
        (local.set $k (i32.const 0))
        (loop $sum
          (local.set $x (v128.load (i32.add (local.get $a) (local.get $k))))
          (local.set $s0a (f32x4.add (local.get $s0a) (f32x4.mul (local.get $x) (v128.load (i32.add (local.get $p0) (local.get $k))))))
          (local.set $s1a (f32x4.add (local.get $s1a) (f32x4.mul (local.get $x) (v128.load (i32.add (local.get $p1) (local.get $k))))))
          (local.set $x (v128.load offset=16 (i32.add (local.get $a) (local.get $k))))
          (local.set $s0b (f32x4.add (local.get $s0b) (f32x4.mul (local.get $x) (v128.load offset=16 (i32.add (local.get $p0) (local.get $k))))))
          (local.set $s1b (f32x4.add (local.get $s1b) (f32x4.mul (local.get $x) (v128.load offset=16 (i32.add (local.get $p1) (local.get $k))))))
          (local.set $k (i32.add (local.get $k) (i32.const 32)))
          (br_if $sum (i32.lt_u (local.get $k) (local.get $rowBytes))))
        (f64.store (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3)))
          (f64.promote_f32 (call $hsum (f32x4.add (local.get $s0a) (local.get $s0b)))))
        (f64.store offset=8 (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3)))
          (f64.promote_f32 (call $hsum (f32x4.add (local.get $s1a) (local.get $s1b)))))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $rows))))

  ;; f64 lanes: out[j] = sum_d (a[d] - row_idx[j][d])^2
  (func (export "squared_distances")
    (param $a i32) (param $data i32) (param $idx i32) (param $count i32) (param $dims i32) (param $out i32)
    (local $rowBytes i32) (local $j i32) (local $k i32) (local $p0 i32) (local $p1 i32)
    (local $x v128) (local $xl v128) (local $xh v128) (local $y v128) (local $d v128)
    (local $s0l v128) (local $s0h v128) (local $s1l v128) (local $s1h v128)
    (local.set $rowBytes (i32.shl (local.get $dims) (i32.const 2)))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $j) (local.get $count)))
        (local.set $p0 (i32.add (local.get $data)
          (i32.mul (i32.load (i32.add (local.get $idx) (i32.shl (local.get $j) (i32.const 2)))) (local.get $rowBytes))))
        (local.set $p1 (i32.add (local.get $data)
          (i32.mul (i32.load offset=4 (i32.add (local.get $idx) (i32.shl (local.get $j) (i32.const 2)))) (local.get $rowBytes))))
        (local.set $s0l (v128.const i32x4 0 0 0 0))
        (local.set $s0h (v128.const i32x4 0 0 0 0))
        (local.set $s1l (v128.const i32x4 0 0 0 0))
        (local.set $s1h (v128.const i32x4 0 0 0 0))
        (local.set $k (i32.const 0))
        (loop $sum
          (local.set $x (v128.load (i32.add (local.get $a) (local.get $k))))
          (local.set $xl (f64x2.promote_low_f32x4 (local.get $x)))
          (local.set $xh (f64x2.promote_low_f32x4
            (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $x) (local.get $x))))
          (local.set $y (v128.load (i32.add (local.get $p0) (local.get $k))))
          (local.set $d (f64x2.sub (local.get $xl) (f64x2.promote_low_f32x4 (local.get $y))))
          (local.set $s0l (f64x2.add (local.get $s0l) (f64x2.mul (local.get $d) (local.get $d))))
          (local.set $d (f64x2.sub (local.get $xh) (f64x2.promote_low_f32x4
            (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $y) (local.get $y)))))
          (local.set $s0h (f64x2.add (local.get $s0h) (f64x2.mul (local.get $d) (local.get $d))))
          (local.set $y (v128.load (i32.add (local.get $p1) (local.get $k))))
          (local.set $d (f64x2.sub (local.get $xl) (f64x2.promote_low_f32x4 (local.get $y))))
          (local.set $s1l (f64x2.add (local.get $s1l) (f64x2.mul (local.get $d) (local.get $d))))
          (local.set $d (f64x2.sub (local.get $xh) (f64x2.promote_low_f32x4
            (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $y) (local.get $y)))))
          (local.set $s1h (f64x2.add (local.get $s1h) (f64x2.mul (local.get $d) (local.get $d))))
          (local.set $k (i32.add (local.get $k) (i32.const 16)))
          (br_if $sum (i32.lt_u (local.get $k) (local.get $rowBytes))))
        (local.set $s0l (f64x2.add (local.get $s0l) (local.get $s0h)))
        (local.set $s1l (f64x2.add (local.get $s1l) (local.get $s1h)))
        (f64.store (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3)))
          (f64.add (f64x2.extract_lane 0 (local.get $s0l)) (f64x2.extract_lane 1 (local.get $s0l))))
        (f64.store offset=8 (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3)))
          (f64.add (f64x2.extract_lane 0 (local.get $s1l)) (f64x2.extract_lane 1 (local.get $s1l))))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $rows))))

  ;; f64 lanes: out[j] = sum_d a[d] * row_idx[j][d]
  (func (export "dot_products")
    (param $a i32) (param $data i32) (param $idx i32) (param $count i32) (param $dims i32) (param $out i32)
    (local $rowBytes i32) (local $j i32) (local $k i32) (local $p0 i32) (local $p1 i32)
    (local $x v128) (local $xl v128) (local $xh v128) (local $y v128)
    (local $s0l v128) (local $s0h v128) (local $s1l v128) (local $s1h v128)
    (local.set $rowBytes (i32.shl (local.get $dims) (i32.const 2)))
    (block $done
      (loop $rows
        (br_if $done (i32.ge_u (local.get $j) (local.get $count)))
        (local.set $p0 (i32.add (local.get $data)
          (i32.mul (i32.load (i32.add (local.get $idx) (i32.shl (local.get $j) (i32.const 2)))) (local.get $rowBytes))))
        (local.set $p1 (i32.add (local.get $data)
          (i32.mul (i32.load offset=4 (i32.add (local.get $idx) (i32.shl (local.get $j) (i32.const 2)))) (local.get $rowBytes))))
        (local.set $s0l (v128.const i32x4 0 0 0 0))
        (local.set $s0h (v128.const i32x4 0 0 0 0))
        (local.set $s1l (v128.const i32x4 0 0 0 0))
        (local.set $s1h (v128.const i32x4 0 0 0 0))
        (local.set $k (i32.const 0))
        (loop $sum
          (local.set $x (v128.load (i32.add (local.get $a) (local.get $k))))
          (local.set $xl (f64x2.promote_low_f32x4 (local.get $x)))
          (local.set $xh (f64x2.promote_low_f32x4
            (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $x) (local.get $x))))
          (local.set $y (v128.load (i32.add (local.get $p0) (local.get $k))))
          (local.set $s0l (f64x2.add (local.get $s0l) (f64x2.mul (local.get $xl) (f64x2.promote_low_f32x4 (local.get $y)))))
          (local.set $s0h (f64x2.add (local.get $s0h) (f64x2.mul (local.get $xh) (f64x2.promote_low_f32x4
            (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $y) (local.get $y))))))
          (local.set $y (v128.load (i32.add (local.get $p1) (local.get $k))))
          (local.set $s1l (f64x2.add (local.get $s1l) (f64x2.mul (local.get $xl) (f64x2.promote_low_f32x4 (local.get $y)))))
          (local.set $s1h (f64x2.add (local.get $s1h) (f64x2.mul (local.get $xh) (f64x2.promote_low_f32x4
            (i8x16.shuffle 8 9 10 11 12 13 14 15 0 1 2 3 4 5 6 7 (local.get $y) (local.get $y))))))
          (local.set $k (i32.add (local.get $k) (i32.const 16)))
          (br_if $sum (i32.lt_u (local.get $k) (local.get $rowBytes))))
        (local.set $s0l (f64x2.add (local.get $s0l) (local.get $s0h)))
        (local.set $s1l (f64x2.add (local.get $s1l) (local.get $s1h)))
        (f64.store (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3)))
          (f64.add (f64x2.extract_lane 0 (local.get $s0l)) (f64x2.extract_lane 1 (local.get $s0l))))
        (f64.store offset=8 (i32.add (local.get $out) (i32.shl (local.get $j) (i32.const 3)))
          (f64.add (f64x2.extract_lane 0 (local.get $s1l)) (f64x2.extract_lane 1 (local.get $s1l))))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $rows))))
)
