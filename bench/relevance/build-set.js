// @ts-check
// Builds bench/relevance/relevance-set.json from questions.tsv (question ⇥ a verbatim phrase of the answer).
// For each question it finds the section of content/ holding the phrase (the answering passage; a long
// section's parts count as the section) and the sentence of /work/shared/seeds (or SEEDS_DIR) the phrase
// comes from, and assigns the question once to the tuning or the held-out half (every other question, in
// file order, so both halves cover every document). Run once after editing questions.tsv:
//   node bench/relevance/build-set.js
// `node bench/relevance/build-set.js fresh` builds fresh-set.json from fresh-questions.tsv the same way, every
// question in the "fresh" half: questions written after the ranking's last change, for a check no decision
// has seen (docs/search.md); the later fresh sets (set.js FRESH_SETS) are built the same way by their names.
// A phrase found in no section or no seed, or in sections of more than one heading, stops the build.
import { readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadIndex } from '#dist/kb/load.js'
import { FRESH_SETS } from './set.js'

const here = fileURLToPath(new URL('.', import.meta.url))
const seedsDir = process.env.SEEDS_DIR ?? '/work/shared/seeds'
const clean = s => s.replace(/[*_`\\]/g, '').replace(/[“”]/g, '"').replace(/[’‘]/g, "'").replace(/\s+/g, ' ')
const norm = s => clean(s).toLowerCase()
const baseId = id => id.replace(/\/part-\d+$/, '')

const idx = await loadIndex()
const seeds = readdirSync(seedsDir).filter(f => f.endsWith('.txt')).map(f => ({ file: f, text: clean(readFileSync(join(seedsDir, f), 'utf8')) }))
// A fresh set's name (set.js FRESH_SETS): the name of its files and of its half.
const freshName = FRESH_SETS.find(name => name === process.argv[2])
const fresh = freshName !== undefined
const [input, output] = fresh ? [`${freshName}-questions.tsv`, `${freshName}-set.json`] : ['questions.tsv', 'relevance-set.json']
const previous = existsSync(join(here, output)) ? JSON.parse(readFileSync(join(here, output), 'utf8')) : []
const halfOf = new Map(previous.map(q => [q.query, q.half]))

const lines = readFileSync(join(here, input), 'utf8').split('\n').filter(l => l.trim() && !l.startsWith('#'))
const out = []
const problems = []
lines.forEach((line, n) => {
  const [query, phrase, extra] = line.split('\t')
  const p = norm(phrase)
  const found = [...new Set(idx.sections.filter(s => norm(`${s.title}\n${s.text}`).includes(p)).map(s => baseId(s.id)))]
  if (found.length === 0) { problems.push(`${n + 1}: "${phrase}" is in no section`); return }
  // A phrase repeated in several sections (the two selection tracks) accepts each; `extra` adds more.
  const expect = [...found, ...(extra ? extra.split(',').map(s => s.trim()) : [])]
  let seed
  for (const s of seeds) {
    const at = norm(s.text).indexOf(p)
    if (at < 0) continue
    const t = s.text
    const start = Math.max(t.lastIndexOf('. ', at) + 2, t.lastIndexOf('? ', at) + 2, 0)
    const endDot = t.slice(at + p.length).search(/[.?!](\s|$)/)
    const end = endDot < 0 ? t.length : at + p.length + endDot + 1
    seed = { file: s.file, sentence: t.slice(start, Math.min(end, start + 400)).trim() }
    break
  }
  if (!seed) { problems.push(`${n + 1}: "${phrase}" is in no seed document`); return }
  out.push({ query, expect, seed, half: freshName ?? halfOf.get(query) ?? (out.length % 2 === 0 ? 'tuning' : 'heldout') })
})
if (problems.length) { console.error(problems.join('\n')); process.exit(1) }
writeFileSync(join(here, output), JSON.stringify(out, null, 1) + '\n')
console.log(`${out.length} questions: ${out.filter(q => q.half === 'tuning').length} tuning, ${out.filter(q => q.half === 'heldout').length} held out, ${out.filter(q => q.half === freshName).length} ${freshName ?? 'fresh'}`)
