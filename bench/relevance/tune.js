// @ts-check
// Tunes the search's ranking weights (src/kb/weights.ts) on the TUNING half of the relevance set only: a
// coordinate search that tries each weight at a few multiples of its value, keeps a change only when it
// raises the tuning half's score (hit@1 + hit@3 + MRR) by more than a hair, and repeats until no weight
// moves. The held-out half is never read here, so its figures (`npm run bench -- --only kb`) stay honest.
//   npm run build && node bench/relevance/tune.js [--write]    (then npm run build again)
// Without --write it prints the weights it would write; with it, it rewrites the block between the
// "tuned:begin" and "tuned:end" markers of src/kb/weights.ts.
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { loadIndex } from '#dist/kb/load.js'
import { search } from '#dist/kb/search.js'
import { WEIGHTS } from '#dist/kb/weights.js'
import { relevanceSet } from './set.js'

const SET = relevanceSet()
const tuning = SET.filter(q => q.half === 'tuning')
const baseId = id => id.replace(/\/part-\d+$/, '')
const idx = await loadIndex()

/** hit@1 + hit@3 + MRR on the tuning half with these weights (each between 0 and 1, so at most 3). */
function score (weights) {
  let at1 = 0; let at3 = 0; let rr = 0
  for (const q of tuning) {
    const ids = [...new Set(search(idx, q.query, { limit: 10, weights }).map(h => baseId(h.id)))]
    const r = ids.findIndex(id => q.expect.includes(id))
    if (r === 0) at1++
    if (r >= 0 && r < 3) at3++
    if (r >= 0) rr += 1 / (r + 1)
  }
  return (at1 + at3 + rr) / tuning.length
}

/** Every tunable weight as a path into the table: ['field', 'title'], ['k1'], … */
const paths = Object.entries(WEIGHTS).flatMap(([k, v]) => (typeof v === 'object' ? Object.keys(v).map(f => [k, f]) : [[k]]))
const get = (w, p) => (p.length === 2 ? w[p[0]][p[1]] : w[p[0]])
const set = (w, p, v) => { const out = structuredClone(w); if (p.length === 2) out[p[0]][p[1]] = v; else out[p[0]] = v; return out }
const round = v => Math.round(v * 1000) / 1000
const FACTORS = [0, 0.5, 0.75, 0.9, 1.1, 1.33, 2]

let best = structuredClone(WEIGHTS)
let bestScore = score(best)
console.log(`start: ${bestScore.toFixed(4)} (hit@1 + hit@3 + MRR on ${tuning.length} tuning questions)`)
for (let pass = 1; pass <= 5; pass++) {
  let moved = false
  for (const p of paths) {
    const now = get(best, p)
    const tries = p[0] === 'rerankSentences'
      ? [8, 12, 16, 24, 32]
      : FACTORS.map(f => round((now === 0 ? 0.1 : now) * f))
    for (const v of tries) {
      if (v === now || (p[0] === 'sentencePower' && v < 1)) continue
      const s = score(set(best, p, v))
      // A hair's improvement is noise on 87 questions: a change must win a whole rank somewhere.
      if (s > bestScore + 0.002) { best = set(best, p, v); bestScore = s; moved = true; console.log(`pass ${pass}: ${p.join('.')} ${now} → ${v}: ${s.toFixed(4)}`) }
    }
  }
  if (!moved) break
}

const block = `// tuned:begin (written by bench/relevance/tune.js)\nexport const WEIGHTS: Weights = ${JSON.stringify(best, null, 2).replace(/"(\w+)":/g, '$1:').replace(/\{\n\s+(title[^}]*)\n\s+\}/g, (_, body) => `{ ${body.replace(/\n\s+/g, ' ')} }`)}\n// tuned:end`
if (process.argv.includes('--write')) {
  const file = fileURLToPath(new URL('../../src/kb/weights.ts', import.meta.url))
  const src = readFileSync(file, 'utf8')
  writeFileSync(file, src.replace(/\/\/ tuned:begin[\s\S]*\/\/ tuned:end/, block))
  console.log(`wrote ${file}: run npm run build`)
} else console.log(block)
