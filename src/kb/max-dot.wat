(module
  (memory (export "memory") 1)
  ;; nearest(query, units, count, dims): the highest scale × (query · unit) over `count` units stored from
  ;; byte `units` on, each an f32 scale then `dims` i8; the query is `dims` f32 from byte `query`.
  (func (export "nearest") (param $query i32) (param $units i32) (param $count i32) (param $dims i32) (result f32)
    (local $u i32) (local $d i32) (local $p i32) (local $dot f32) (local $best f32)
    (local.set $best (f32.const -inf))
    (local.set $p (local.get $units))
    (block $done
      (loop $unit
        (br_if $done (i32.ge_u (local.get $u) (local.get $count)))
        (local.set $dot (f32.const 0))
        (local.set $d (i32.const 0))
        (block $end
          (loop $dim
            (br_if $end (i32.ge_u (local.get $d) (local.get $dims)))
            (local.set $dot
              (f32.add (local.get $dot)
                (f32.mul
                  (f32.load (i32.add (local.get $query) (i32.shl (local.get $d) (i32.const 2))))
                  (f32.convert_i32_s (i32.load8_s offset=4 (i32.add (local.get $p) (local.get $d)))))))
            (local.set $d (i32.add (local.get $d) (i32.const 1)))
            (br $dim)))
        (local.set $best (f32.max (local.get $best) (f32.mul (local.get $dot) (f32.load align=1 (local.get $p)))))
        (local.set $p (i32.add (local.get $p) (i32.add (local.get $dims) (i32.const 4))))
        (local.set $u (i32.add (local.get $u) (i32.const 1)))
        (br $unit)))
    (local.get $best)))
