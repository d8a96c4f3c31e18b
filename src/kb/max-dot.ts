/**
 * The inner loop of nearness in meaning (passage-vectors.ts): over a passage's units (each an f32 scale and
 * `dims` i8), the highest scale × (query · unit). A query runs it once per candidate, some 50,000
 * multiply-adds in all; in JavaScript that loop never leaves the interpreter in a cold `pat search` and costs
 * ~9 ms, so it runs as the 177-byte WebAssembly function of max-dot.wat (bytes below, made from it with
 * wabt 1.0.36: `wat2wasm max-dot.wat`), which takes well under 1 ms. Where WebAssembly is unavailable
 * (node --jitless) the same loop runs in JavaScript.
 */

const WASM = 'AGFzbQEAAAABCQFgBH9/f38BfQMCAQAFAwEAAQcUAgZtZW1vcnkCAAduZWFyZXN0AAAKfQF7AgN/An1DAACA/yEIIAEhBgJAA0AgBCACTw0BQwAAAAAhB0EAIQUCQANAIAUgA08NASAHIAAgBUECdGoqAgAgBiAFaiwABLKUkiEHIAVBAWohBQwACwsgCCAHIAYqAACUlyEIIAYgA0EEamohBiAEQQFqIQQMAAsLIAgL'
const PAGE = 65536
/** Where the units start in the module's memory: the query (≤ 4096 f32) comes first. */
const UNITS = 16384

// (node's global WebAssembly, which this project's TypeScript libraries do not describe)
declare const WebAssembly: { Module: new (bytes: Uint8Array) => unknown, Instance: new (module: unknown) => { exports: unknown } }
interface Exports { memory: { buffer: ArrayBuffer, grow: (pages: number) => number }, nearest: (query: number, units: number, count: number, dims: number) => number }
let wasm: Exports | null | undefined

function instance (): Exports | null {
  if (wasm === undefined) {
    try { wasm = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(WASM, 'base64'))).exports as Exports } catch { wasm = null }
  }
  return wasm
}

/** The loop in JavaScript: what the WebAssembly function computes (and the fallback without it). */
export function maxDotJs (query: Float32Array, units: Uint8Array, count: number): number {
  const dims = query.length
  const bytes = new Int8Array(units.buffer, units.byteOffset, units.length)
  const scales = new DataView(units.buffer, units.byteOffset, units.length)
  let best = -Infinity
  for (let u = 0, p = 0; u < count; u++, p += 4 + dims) {
    let dot = 0
    for (let d = 0; d < dims; d++) dot += query[d]! * bytes[p + 4 + d]!
    best = Math.max(best, dot * scales.getFloat32(p, true))
  }
  return best
}

/** The highest scale × (query · unit) over `count` units laid out as passage-vectors.ts stores them; -Infinity for none. */
export function maxDot (query: Float32Array, units: Uint8Array, count: number): number {
  const w = instance()
  if (!w || query.length > 4096 || units.length < count * (4 + query.length)) return maxDotJs(query, units, count)
  const need = UNITS + units.length
  if (w.memory.buffer.byteLength < need) w.memory.grow(Math.ceil((need - w.memory.buffer.byteLength) / PAGE))
  new Float32Array(w.memory.buffer, 0, query.length).set(query)
  new Uint8Array(w.memory.buffer, UNITS, units.length).set(units)
  return w.nearest(0, UNITS, count, query.length)
}
