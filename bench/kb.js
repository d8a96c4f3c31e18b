// Knowledge-base benchmark: index load time, query latency over the relevance set (p50/p95, in process),
// a cold `pat search` process against a bare `node -e ''` started in the same run, and the same figures
// for a plain one-line Fuse setup over the same sections — how much faster and more relevant ours is.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import Fuse from 'fuse.js'
import { loadIndex } from '../dist/kb/load.js'
import { search } from '../dist/kb/search.js'
import { figure, medianProcessMs, percentile, round } from './stats.js'

const PAT = fileURLToPath(new URL('../bin/pat.js', import.meta.url))
const SET = JSON.parse(readFileSync(new URL('../test/kb/relevance-set.json', import.meta.url), 'utf8'))

function relevance (rank) {
  let at1 = 0; let at3 = 0
  for (const q of SET) {
    const ids = rank(q.query).slice(0, 3)
    if (ids[0] && q.expect.some(e => ids[0].startsWith(e))) at1++
    if (ids.some(id => q.expect.some(e => id.startsWith(e)))) at3++
  }
  return { hitAt1: at1 / SET.length, hitAt3: at3 / SET.length }
}

function latencies (rank, rounds) {
  const times = []
  for (let r = 0; r < rounds; r++) {
    for (const q of SET) {
      const t0 = process.hrtime.bigint()
      rank(q.query)
      times.push(Number(process.hrtime.bigint() - t0) / 1e6)
    }
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) }
}

export async function run () {
  const t0 = process.hrtime.bigint()
  const idx = await loadIndex()
  const loadMs = Number(process.hrtime.bigint() - t0) / 1e6
  const ours = q => search(idx, q, { limit: 3 }).map(h => h.id)
  const plain = new Fuse(idx.sections, { keys: ['title', 'trail', 'text'] })
  const fuse = q => plain.search(q, { limit: 3 }).map(r => r.item.id)

  latencies(ours, 2) // warm up
  const oursLat = latencies(ours, 10)
  const fuseLat = latencies(fuse, 2)
  const oursRel = relevance(ours)
  const fuseRel = relevance(fuse)

  const nodeMs = medianProcessMs(process.execPath, ['-e', ''], 15)
  const searchMs = medianProcessMs(process.execPath, [PAT, 'search', 'how often review the account profile', '--json'], 15)

  return {
    sections: idx.sections.length,
    questions: SET.length,
    figures: [
      figure('index load (in process)', loadMs, 'ms'),
      figure('query latency p50', oursLat.p50, 'ms'),
      figure('query latency p95', oursLat.p95, 'ms', { value: 2, text: '≤ 2 ms' }),
      figure('hit@1 (relevance set)', oursRel.hitAt1 * 100, '%'),
      figure('hit@3 (relevance set)', oursRel.hitAt3 * 100, '%', { value: 90, text: '≥ 90%', lowerIsBetter: false }),
      figure('bare node -e \'\' start (median)', nodeMs, 'ms'),
      figure('cold pat search (median)', searchMs, 'ms'),
      figure('cold pat search / bare node', searchMs / nodeMs, '×', { value: 2, text: '≤ 2×' }),
      figure('plain Fuse query latency p50', fuseLat.p50, 'ms'),
      figure('plain Fuse query latency p95', fuseLat.p95, 'ms'),
      figure('plain Fuse hit@1', fuseRel.hitAt1 * 100, '%'),
      figure('plain Fuse hit@3', fuseRel.hitAt3 * 100, '%'),
      figure('speed-up over plain Fuse (p50)', fuseLat.p50 / oursLat.p50, '×'),
      figure('hit@3 gain over plain Fuse', (oursRel.hitAt3 - fuseRel.hitAt3) * 100, 'points')
    ],
    raw: { loadMs: round(loadMs), ours: { ...oursLat, ...oursRel }, plainFuse: { ...fuseLat, ...fuseRel }, nodeMs, searchMs }
  }
}
