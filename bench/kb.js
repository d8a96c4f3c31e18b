// @ts-check
// Knowledge-base benchmark: relevance over the relevance set (bench/relevance/relevance-set.json, written from
// the seed documents, with the answers the pooled judgments added; tuning and held-out halves reported apart,
// the goals on the held-out half, the figures on the set's own answers reported beside them), query
// latency in process (p50/p95), a cold `pat search` process against a bare `node -e ''` started in the same
// run, and MiniSearch (fuzzy, prefix, title boost) over the same sections and questions for comparison.
import { fileURLToPath } from 'node:url'
import MiniSearch from 'minisearch'
import { loadIndex } from '#dist/kb/load.js'
import { search } from '#dist/kb/search.js'
import { FRESH_SETS, freshSet, judgedPairs, judgedSentences, relevanceSet } from './relevance/set.js'
import { figure, interleavedMedians, medianProcessMs, percentile, round } from './stats.js'

const PAT = fileURLToPath(new URL('../bin/pat.cjs', import.meta.url))
const SET = relevanceSet()
const WRITTEN = relevanceSet({ written: true })
// Fresh questions (docs/search.md), each set written once the one before had been read: the last, read by
// no decision, is the check of a question nobody tuned for (reported first); the others are tuning sets since.
const ORDINAL = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth']
const FRESH_ROUNDS = FRESH_SETS.map((_, k) => ({ round: k + 1, set: freshSet({ round: k + 1 }) })).filter(r => r.set.length > 0)
  .map((r, k, all) => ({ ...r, label: `${ORDINAL[r.round - 1] ?? `round ${r.round}`} fresh questions, ${k === all.length - 1 ? 'read by no decision' : 'tuned on since'}` }))
  .reverse()
const FRESH = FRESH_ROUNDS.flatMap(r => r.set)
const baseId = id => id.replace(/\/part-\d+$/, '')

/** hit@1, hit@3 and MRR (over the top 10) of a ranking function on some questions; parts count as their section. */
export function relevance (rank, questions) {
  let at1 = 0; let at3 = 0; let rr = 0
  for (const q of questions) {
    const ids = [...new Set(rank(q.query).map(baseId))].slice(0, 10)
    const r = ids.findIndex(id => q.expect.includes(id))
    if (r === 0) at1++
    if (r >= 0 && r < 3) at3++
    if (r >= 0) rr += 1 / (r + 1)
  }
  const n = questions.length || 1
  return { hitAt1: at1 / n, hitAt3: at3 / n, mrr: rr / n }
}

/** Marks (`**`) dropped, other Markdown and quotes evened out: for finding a judge's quoted sentence in an excerpt. */
const flat = (/** @type {string} */ s) => s.replace(/\*\*/g, '').replace(/[*_`\\|·]/g, ' ').replace(/[“”]/g, '"').replace(/[’‘]/g, "'").replace(/\s+/g, ' ').trim().toLowerCase()

/**
 * Of the judged answering passages our first ten show, the share whose excerpt holds the sentence the judge
 * quoted as the answer (its first 50 characters): the excerpt should be the sentence that answers.
 * @param {(q: string) => Array<{ id: string, excerpt: string }>} hitsOf
 */
function excerptsHoldingAnswer (hitsOf) {
  const byQuery = new Map()
  for (const j of judgedSentences()) byQuery.set(j.query, [...(byQuery.get(j.query) ?? []), j])
  let shown = 0
  let holding = 0
  for (const [query, answers] of byQuery) {
    const hits = hitsOf(query)
    for (const a of answers) {
      const hit = hits.find(h => baseId(h.id) === a.id)
      if (!hit) continue
      shown++
      if (flat(hit.excerpt).includes(flat(a.sentence).slice(0, 50))) holding++
    }
  }
  return { shown, share: shown ? holding / shown : 0 }
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
  const ours = q => search(idx, q, { limit: 10 }).map(h => h.id)
  const mini = new MiniSearch({
    fields: ['title', 'trail', 'text'],
    storeFields: ['id'],
    idField: 'id',
    searchOptions: { fuzzy: 0.2, prefix: true, boost: { title: 2 } }
  })
  mini.addAll(idx.sections.map(s => ({ id: s.id, title: s.title, trail: s.trail.join(' '), text: s.text })))
  const miniRank = q => mini.search(q).slice(0, 20).map(r => r.id)

  latencies(ours, 2) // warm up
  const oursLat = latencies(ours, 10)
  latencies(miniRank, 1)
  const miniLat = latencies(miniRank, 4)
  const tuning = SET.filter(q => q.half === 'tuning')
  const heldout = SET.filter(q => q.half === 'heldout')
  const oursTune = relevance(ours, tuning)
  const oursHeld = relevance(ours, heldout)
  const miniHeld = relevance(miniRank, heldout)
  const miniTune = relevance(miniRank, tuning)
  // Passages now in our first three that the pooled judgments never saw: when this grows, judge them (docs/search.md).
  const judged = judgedPairs()
  const excerpts = excerptsHoldingAnswer(q => search(idx, q, { limit: 10 }))
  const unjudged = [...SET, ...FRESH].reduce((n, q) => n + [...new Set(ours(q.query).map(baseId))].slice(0, 3).filter(id => !judged.has(`${q.query}|${id}`)).length, 0)
  const fresh = FRESH_ROUNDS.map(r => ({ ...r, ours: relevance(ours, r.set), mini: relevance(miniRank, r.set) }))
  // The held-out half on the set's own answers only (before the pooled judgments added the other passages that answer).
  const writtenHeld = WRITTEN.filter(q => q.half === 'heldout')
  const oursWritten = relevance(ours, writtenHeld)
  const miniWritten = relevance(miniRank, writtenHeld)

  // One bare node start, one cold search, in turn (a slow spell of the machine weighs on both alike).
  medianProcessMs(process.execPath, [PAT, 'search', 'warm the file cache', '--json'], 1)
  const [nodeMs, searchMs] = interleavedMedians([[process.execPath, ['-e', '']], [process.execPath, [PAT, 'search', 'how often review the account profile', '--json']]], 15)
  const pct = x => x * 100

  return {
    sections: idx.sections.length,
    questions: SET.length,
    fresh: Object.fromEntries(fresh.map(r => [`round${r.round}`, r.set.length])),
    tuning: tuning.length,
    heldOut: heldout.length,
    figures: [
      figure('index load (in process)', loadMs, 'ms'),
      figure('query latency p50', oursLat.p50, 'ms'),
      figure('query latency p95', oursLat.p95, 'ms', { value: 2, text: '≤ 2 ms' }),
      figure('query latency p95 (issue #18)', oursLat.p95, 'ms', { value: 1, text: '≤ 1 ms', open: '#18' }),
      // The floor guards against a regression: the held-out hit@3 measured when the set was written (79%).
      figure('hit@3 (held-out half), no regression', pct(oursHeld.hitAt3), '%', { value: 75, text: '≥ 75%', lowerIsBetter: false }),
      figure('hit@1 (held-out half)', pct(oursHeld.hitAt1), '%', { value: 90, text: '≥ 90%', lowerIsBetter: false, open: '#18' }),
      figure('hit@3 (held-out half)', pct(oursHeld.hitAt3), '%', { value: 97, text: '≥ 97%', lowerIsBetter: false, open: '#18' }),
      figure('MRR (held-out half)', oursHeld.mrr, ''),
      figure('hit@1 (held-out half, the set\'s own answers only)', pct(oursWritten.hitAt1), '%'),
      figure('hit@3 (held-out half, the set\'s own answers only)', pct(oursWritten.hitAt3), '%'),
      figure('MRR (held-out half, the set\'s own answers only)', oursWritten.mrr, ''),
      ...fresh.flatMap(({ label, ours: o, mini: m }) => [
        figure(`hit@1 (${label})`, pct(o.hitAt1), '%'),
        figure(`hit@3 (${label})`, pct(o.hitAt3), '%'),
        figure(`MRR (${label})`, o.mrr, ''),
        figure(`MiniSearch hit@1 (${label.split(',')[0]})`, pct(m.hitAt1), '%'),
        figure(`MiniSearch hit@3 (${label.split(',')[0]})`, pct(m.hitAt3), '%')
      ]),
      figure('passages in our first three not judged (all questions)', unjudged, ''),
      figure('excerpt holds the judge\'s answering sentence (judged answers in our first ten)', pct(excerpts.share), '%'),
      figure('judged answers in our first ten with a quoted sentence (all questions)', excerpts.shown, ''),
      figure('hit@1 (tuning half)', pct(oursTune.hitAt1), '%'),
      figure('hit@3 (tuning half)', pct(oursTune.hitAt3), '%'),
      figure('MRR (tuning half)', oursTune.mrr, ''),
      figure('bare node -e \'\' start (median)', nodeMs, 'ms'),
      figure('cold pat search (median)', searchMs, 'ms'),
      figure('cold pat search / bare node', searchMs / nodeMs, '×', { value: 2, text: '≤ 2×' }),
      figure('cold pat search / bare node (issue #18)', searchMs / nodeMs, '×', { value: 1.5, text: '≤ 1.5×', open: '#18' }),
      figure('MiniSearch query latency p50', miniLat.p50, 'ms'),
      figure('MiniSearch query latency p95', miniLat.p95, 'ms'),
      figure('MiniSearch hit@1 (held-out half)', pct(miniHeld.hitAt1), '%'),
      figure('MiniSearch hit@3 (held-out half)', pct(miniHeld.hitAt3), '%'),
      figure('MiniSearch MRR (held-out half)', miniHeld.mrr, ''),
      figure('MiniSearch hit@1 (tuning half)', pct(miniTune.hitAt1), '%'),
      figure('MiniSearch hit@1 (held-out half, the set\'s own answers only)', pct(miniWritten.hitAt1), '%'),
      figure('MiniSearch hit@3 (held-out half, the set\'s own answers only)', pct(miniWritten.hitAt3), '%'),
      figure('speed-up over MiniSearch (p50)', miniLat.p50 / oursLat.p50, '×'),
      figure('hit@1 gain over MiniSearch (held-out)', pct(oursHeld.hitAt1 - miniHeld.hitAt1), 'points')
    ],
    raw: { loadMs: round(loadMs), ours: { ...oursLat, tuning: oursTune, heldOut: oursHeld, heldOutWritten: oursWritten, fresh: Object.fromEntries(fresh.map(r => [`round${r.round}`, r.ours])) }, miniSearch: { ...miniLat, tuning: miniTune, heldOut: miniHeld, heldOutWritten: miniWritten, fresh: Object.fromEntries(fresh.map(r => [`round${r.round}`, r.mini])) }, nodeMs, searchMs }
  }
}
