// @ts-check
// The relevance set as the bench and the tuner read it: the questions of relevance-set.json (each with the
// passage holding its seed phrase) and, beside those answers, every passage the pooled judgments
// (judgments.json; docs/search.md "Pooled judgments") found to answer the question as well. `written: true`
// gives the set's own answers only, for the figures reported both ways.
import { readFileSync } from 'node:fs'

const read = name => JSON.parse(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8'))

/**
 * @param {{ written?: boolean }} [opts]
 * @returns {Array<{ query: string, expect: string[], seed: { file: string, sentence: string }, half: 'tuning' | 'heldout' }>}
 */
export function relevanceSet ({ written = false } = {}) {
  const set = read('relevance-set.json')
  if (written) return set
  /** @type {Map<string, string[]>} */
  const judged = new Map()
  for (const j of read('judgments.json').judgments) if (j.answers) judged.set(j.query, [...(judged.get(j.query) ?? []), j.id])
  return set.map(q => ({ ...q, expect: [...new Set([...q.expect, ...(judged.get(q.query) ?? [])])] }))
}

/**
 * The (question, passage) pairs the pooled judgments looked at, as "query|id": a passage a later change
 * brings into the first three without a judgment counts as not answering until it is judged.
 */
export function judgedPairs () {
  return new Set(read('judgments.json').judgments.map(j => `${j.query}|${j.id}`))
}
