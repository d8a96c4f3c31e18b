// @ts-check
// The relevance sets as the bench and the tuner read them: the questions of relevance-set.json (tuning and
// held-out halves) or of the fresh sets (written after a ranking change, for a check no decision has read), each
// with the passage holding its seed phrase and, beside it, every passage the pooled judgments
// (judgments.json; docs/search.md "Pooled judgments") found to answer the question as well.
// `written: true` gives the sets' own answers only, for the figures reported both ways.
import { existsSync, readFileSync } from 'node:fs'

const read = name => JSON.parse(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8'))

/**
 * @typedef {{ query: string, expect: string[], seed: { file: string, sentence: string }, half: 'tuning' | 'heldout' | typeof FRESH_SETS[number] }} Question
 */

/** @param {Question[]} set @param {boolean} written @returns {Question[]} */
function withJudged (set, written) {
  if (written) return set
  /** @type {Map<string, string[]>} */
  const judged = new Map()
  for (const j of read('judgments.json').judgments) if (j.answers) judged.set(j.query, [...(judged.get(j.query) ?? []), j.id])
  return set.map(q => ({ ...q, expect: [...new Set([...q.expect, ...(judged.get(q.query) ?? [])])] }))
}

/** The tuning and held-out halves. @param {{ written?: boolean }} [opts] */
export function relevanceSet ({ written = false } = {}) {
  return withJudged(read('relevance-set.json'), written)
}

/**
 * The fresh sets, in the order they were written, each once the one before had been read: the name of its
 * files (NAME-questions.tsv → NAME-set.json, `node bench/relevance/build-set.js NAME`) and of its half. The
 * last is read by no decision; the others were read by the decisions of 2026-12-07 and are tuning sets since.
 * A new round is one more name here.
 */
export const FRESH_SETS = /** @type {const} */ (['fresh', 'fresh2', 'fresh3', 'fresh4', 'fresh5', 'fresh6', 'fresh7', 'fresh8', 'fresh9', 'fresh10'])

/**
 * A round of fresh questions (1 = the first; none before its file is built).
 * @param {{ written?: boolean, round?: number }} [opts]
 */
export function freshSet ({ written = false, round = 1 } = {}) {
  const name = `${FRESH_SETS[round - 1]}-set.json`
  return round >= 1 && round <= FRESH_SETS.length && existsSync(new URL(`./${name}`, import.meta.url)) ? withJudged(read(name), written) : []
}

/**
 * The (question, passage) pairs the pooled judgments looked at, as "query|id": a passage a later change
 * brings into the first three without a judgment counts as not answering until it is judged.
 */
export function judgedPairs () {
  return new Set(read('judgments.json').judgments.map(j => `${j.query}|${j.id}`))
}

/**
 * The judged answers with the sentence the judge quoted as the one that answers.
 * @returns {Array<{ query: string, id: string, sentence: string }>}
 */
export function judgedSentences () {
  return read('judgments.json').judgments.filter(j => j.answers && j.sentence).map(j => ({ query: j.query, id: j.id, sentence: j.sentence }))
}
