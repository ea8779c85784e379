;; The epoch loop of UMAP's layout optimisation (layout-optimizer.ts), with its
;; PRNG (mulberry32) and its x^b (exp(b ln x) by polynomials) inside: the same
;; loop in JavaScript on typed arrays took 1.6 times as long (3.35 s against
;; 2.1 s for 2,000 points), much of it in Math.exp and Math.log. Assemble with `npx tsx lib/projection/wasm-kernels-build.ts`
;; (needs wat2wasm, Debian package `wabt`), which regenerates
;; layout-kernel.generated.ts.
;;
;; Layout (byte offsets passed in): y: 2n f64 coordinates; head, tail: E i32
;; vertex ids per edge; eps, epns: E f64 epochs per sample and per negative
;; sample; next, nextNeg: E f64 epoch of each edge's next sample and next
;; negative sample; rng: one i32, the mulberry32 state.
(module
  (import "env" "memory" (memory 1))

  ;; mulberry32's next value in [0, 1), the same sequence as seeded-random.ts.
  (func $random (param $rng i32) (result f64)
    (local $s i32) (local $t i32)
    (local.set $s (i32.add (i32.load (local.get $rng)) (i32.const 0x6d2b79f5)))
    (i32.store (local.get $rng) (local.get $s))
    (local.set $t (i32.mul
      (i32.xor (local.get $s) (i32.shr_u (local.get $s) (i32.const 15)))
      (i32.or (local.get $s) (i32.const 1))))
    (local.set $t (i32.xor (local.get $t)
      (i32.add (local.get $t)
        (i32.mul
          (i32.xor (local.get $t) (i32.shr_u (local.get $t) (i32.const 7)))
          (i32.or (local.get $t) (i32.const 61))))))
    (f64.mul
      (f64.convert_i32_u (i32.xor (local.get $t) (i32.shr_u (local.get $t) (i32.const 14))))
      (f64.const 2.3283064365386963e-10)))

  ;; Natural log of a positive normal double: exponent plus a series in
  ;; t = (m - 1)/(m + 1) for the mantissa m in [sqrt(1/2), sqrt(2)), to t^7;
  ;; relative error below 1e-7, ample for stochastic gradient steps. The loop
  ;; is bound by latency (each negative sample moves the point the next one
  ;; starts from), hence short series evaluated in parallel halves (Estrin).
  (func $ln (param $x f64) (result f64)
    (local $bits i64) (local $e i32) (local $m f64) (local $t f64) (local $t2 f64)
    (local.set $bits (i64.reinterpret_f64 (local.get $x)))
    (local.set $e (i32.sub (i32.wrap_i64 (i64.shr_u (local.get $bits) (i64.const 52))) (i32.const 1023)))
    (local.set $m (f64.reinterpret_i64 (i64.or
      (i64.and (local.get $bits) (i64.const 0x000FFFFFFFFFFFFF))
      (i64.const 0x3FF0000000000000))))
    (if (f64.gt (local.get $m) (f64.const 1.4142135623730951))
      (then
        (local.set $m (f64.mul (local.get $m) (f64.const 0.5)))
        (local.set $e (i32.add (local.get $e) (i32.const 1)))))
    (local.set $t (f64.div (f64.sub (local.get $m) (f64.const 1)) (f64.add (local.get $m) (f64.const 1))))
    (local.set $t2 (f64.mul (local.get $t) (local.get $t)))
    ;; 2t (1 + t^2/3) + 2t t^4 (1/5 + t^2/7)
    (f64.add
      (f64.mul (f64.convert_i32_s (local.get $e)) (f64.const 0.6931471805599453))
      (f64.mul (f64.add (local.get $t) (local.get $t))
        (f64.add
          (f64.add (f64.const 1) (f64.mul (local.get $t2) (f64.const 0.3333333333333333)))
          (f64.mul (f64.mul (local.get $t2) (local.get $t2))
            (f64.add (f64.const 0.2) (f64.mul (local.get $t2) (f64.const 0.14285714285714285))))))))

  ;; e^x: 2^k times a Taylor series to r^7 on the remainder |r| <= ln(2)/2;
  ;; relative error below 1e-8; 0 below 2^-1022, infinity above 2^1023.
  (func $exp (param $x f64) (result f64)
    (local $k f64) (local $r f64) (local $r2 f64) (local $p f64)
    (local.set $k (f64.nearest (f64.mul (local.get $x) (f64.const 1.4426950408889634))))
    (if (f64.lt (local.get $k) (f64.const -1022)) (then (return (f64.const 0))))
    (if (f64.gt (local.get $k) (f64.const 1023)) (then (return (f64.const inf))))
    (local.set $r (f64.sub (local.get $x) (f64.mul (local.get $k) (f64.const 0.6931471805599453))))
    (local.set $r2 (f64.mul (local.get $r) (local.get $r)))
    ;; (1 + r) + r^2 (1/2 + r/6) + r^4 ((1/24 + r/120) + r^2 (1/720 + r/5040))
    (local.set $p (f64.add
      (f64.add
        (f64.add (f64.const 1) (local.get $r))
        (f64.mul (local.get $r2) (f64.add (f64.const 0.5) (f64.mul (local.get $r) (f64.const 0.16666666666666666)))))
      (f64.mul (f64.mul (local.get $r2) (local.get $r2))
        (f64.add
          (f64.add (f64.const 0.041666666666666664) (f64.mul (local.get $r) (f64.const 0.008333333333333333)))
          (f64.mul (local.get $r2)
            (f64.add (f64.const 0.001388888888888889) (f64.mul (local.get $r) (f64.const 1.984126984126984e-4))))))))
    (f64.mul (local.get $p)
      (f64.reinterpret_i64 (i64.shl
        (i64.add (i64.trunc_f64_s (local.get $k)) (i64.const 1023))
        (i64.const 52)))))

  (func $clip (param $x f64) (result f64)
    (f64.max (f64.const -4) (f64.min (f64.const 4) (local.get $x))))

  ;; Exported for the tests: x^y for x > 0.
  (func (export "pow") (param $x f64) (param $y f64) (result f64)
    (call $exp (f64.mul (local.get $y) (call $ln (local.get $x)))))

  (func (export "random") (param $rng i32) (result f64)
    (call $random (local.get $rng)))

  ;; count doubles at ptr, each random() * 20 - 10 (umap-js's random start).
  (func (export "random_start") (param $ptr i32) (param $count i32) (param $rng i32)
    (local $i i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $i) (local.get $count)))
        (f64.store
          (i32.add (local.get $ptr) (i32.shl (local.get $i) (i32.const 3)))
          (f64.sub (f64.mul (call $random (local.get $rng)) (f64.const 20)) (f64.const 10)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next))))

  ;; One epoch of umap-js's optimizeLayoutStep over `edges` edges of an
  ;; n-vertex graph; both ends of a sampled edge move, then the head is pushed
  ;; away from random vertices.
  (func (export "epoch")
    (param $y i32) (param $head i32) (param $tail i32) (param $eps i32) (param $epns i32)
    (param $next i32) (param $nextNeg i32) (param $edges i32) (param $n i32)
    (param $epoch f64) (param $alpha f64) (param $a f64) (param $b f64) (param $rng i32)
    (local $e i32) (local $e8 i32) (local $pj i32) (local $pk i32) (local $po i32)
    (local $dx f64) (local $dy f64) (local $d2 f64) (local $powB f64) (local $coeff f64)
    (local $gx f64) (local $gy f64) (local $negatives i32) (local $p i32)
    (local $nf f64) (local $yx f64) (local $yy f64)
    (local.set $nf (f64.convert_i32_u (local.get $n)))
    (block $done
      (loop $edge
        (br_if $done (i32.ge_u (local.get $e) (local.get $edges)))
        (local.set $e8 (i32.shl (local.get $e) (i32.const 3)))
        (if (f64.le (f64.load (i32.add (local.get $next) (local.get $e8))) (local.get $epoch))
          (then
            (local.set $pj (i32.add (local.get $y) (i32.shl
              (i32.load (i32.add (local.get $head) (i32.shl (local.get $e) (i32.const 2)))) (i32.const 4))))
            (local.set $pk (i32.add (local.get $y) (i32.shl
              (i32.load (i32.add (local.get $tail) (i32.shl (local.get $e) (i32.const 2)))) (i32.const 4))))
            (local.set $dx (f64.sub (f64.load (local.get $pj)) (f64.load (local.get $pk))))
            (local.set $dy (f64.sub (f64.load offset=8 (local.get $pj)) (f64.load offset=8 (local.get $pk))))
            (local.set $d2 (f64.add (f64.mul (local.get $dx) (local.get $dx)) (f64.mul (local.get $dy) (local.get $dy))))
            (if (f64.gt (local.get $d2) (f64.const 0))
              (then
                (local.set $powB (call $exp (f64.mul (local.get $b) (call $ln (local.get $d2)))))
                (local.set $coeff (f64.div
                  (f64.mul (f64.mul (f64.mul (f64.const -2) (local.get $a)) (local.get $b))
                    (f64.div (local.get $powB) (local.get $d2)))
                  (f64.add (f64.mul (local.get $a) (local.get $powB)) (f64.const 1))))
                (local.set $gx (f64.mul (call $clip (f64.mul (local.get $coeff) (local.get $dx))) (local.get $alpha)))
                (local.set $gy (f64.mul (call $clip (f64.mul (local.get $coeff) (local.get $dy))) (local.get $alpha)))
                (f64.store (local.get $pj) (f64.add (f64.load (local.get $pj)) (local.get $gx)))
                (f64.store offset=8 (local.get $pj) (f64.add (f64.load offset=8 (local.get $pj)) (local.get $gy)))
                (f64.store (local.get $pk) (f64.sub (f64.load (local.get $pk)) (local.get $gx)))
                (f64.store offset=8 (local.get $pk) (f64.sub (f64.load offset=8 (local.get $pk)) (local.get $gy)))))
            (f64.store (i32.add (local.get $next) (local.get $e8))
              (f64.add (f64.load (i32.add (local.get $next) (local.get $e8)))
                (f64.load (i32.add (local.get $eps) (local.get $e8)))))
            (local.set $negatives (i32.trunc_sat_f64_s (f64.floor (f64.div
              (f64.sub (local.get $epoch) (f64.load (i32.add (local.get $nextNeg) (local.get $e8))))
              (f64.load (i32.add (local.get $epns) (local.get $e8)))))))
            ;; The negative samples all push from where the point stands after
            ;; the positive step and are applied together: umap-js applies each
            ;; before drawing the next, which chains ~100 cycles of latency per
            ;; sample; the sum differs from that only in second-order terms.
            (local.set $yx (f64.load (local.get $pj)))
            (local.set $yy (f64.load offset=8 (local.get $pj)))
            (local.set $gx (f64.const 0))
            (local.set $gy (f64.const 0))
            (local.set $p (i32.const 0))
            (block $negDone
              (loop $negative
                (br_if $negDone (i32.ge_s (local.get $p) (local.get $negatives)))
                (local.set $po (i32.add (local.get $y) (i32.shl
                  (i32.trunc_sat_f64_u (f64.floor (f64.mul (call $random (local.get $rng)) (local.get $nf))))
                  (i32.const 4))))
                (local.set $dx (f64.sub (local.get $yx) (f64.load (local.get $po))))
                (local.set $dy (f64.sub (local.get $yy) (f64.load offset=8 (local.get $po))))
                (local.set $d2 (f64.add (f64.mul (local.get $dx) (local.get $dx)) (f64.mul (local.get $dy) (local.get $dy))))
                (if (f64.gt (local.get $d2) (f64.const 0))
                  (then
                    (local.set $coeff (f64.div
                      (f64.mul (f64.const 2) (local.get $b))
                      (f64.mul (f64.add (f64.const 0.001) (local.get $d2))
                        (f64.add (f64.mul (local.get $a)
                          (call $exp (f64.mul (local.get $b) (call $ln (local.get $d2))))) (f64.const 1)))))
                    (local.set $gx (f64.add (local.get $gx) (call $clip (f64.mul (local.get $coeff) (local.get $dx)))))
                    (local.set $gy (f64.add (local.get $gy) (call $clip (f64.mul (local.get $coeff) (local.get $dy))))))
                  (else
                    ;; Same position: pushed by the clip value unless it is the vertex itself.
                    (if (i32.ne (local.get $po) (local.get $pj))
                      (then
                        (local.set $gx (f64.add (local.get $gx) (f64.const 4)))
                        (local.set $gy (f64.add (local.get $gy) (f64.const 4)))))))
                (local.set $p (i32.add (local.get $p) (i32.const 1)))
                (br $negative)))
            (f64.store (local.get $pj) (f64.add (local.get $yx) (f64.mul (local.get $gx) (local.get $alpha))))
            (f64.store offset=8 (local.get $pj) (f64.add (local.get $yy) (f64.mul (local.get $gy) (local.get $alpha))))
            (f64.store (i32.add (local.get $nextNeg) (local.get $e8))
              (f64.add (f64.load (i32.add (local.get $nextNeg) (local.get $e8)))
                (f64.mul (f64.convert_i32_s (local.get $negatives)) (f64.load (i32.add (local.get $epns) (local.get $e8))))))))
        (local.set $e (i32.add (local.get $e) (i32.const 1)))
        (br $edge)))))
