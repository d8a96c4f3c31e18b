/**
 * Typo tolerance: vocabulary terms within a small edit distance of a query term that is not itself in the
 * vocabulary ("clasification" → "classif", "valuaton" → "valuat"). Optimal string alignment distance
 * (insertions, deletions, substitutions, adjacent transpositions), bounded so a hopeless pair stops early;
 * only terms of a similar length are compared, so a lookup costs well under a millisecond.
 */
export function maxEdits (term: string): number {
  return term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0
}

/** Edit distance of a and b, or max + 1 when it is larger than max. */
export function boundedDistance (a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1
  let prev2: number[] = []
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const cur = [i]
    let rowMin = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1)
      cur.push(v)
      if (v < rowMin) rowMin = v
    }
    if (rowMin > max) return max + 1
    prev2 = prev
    prev = cur
  }
  return prev[b.length]!
}

/**
 * The closest vocabulary terms to a term missing from it, nearest first; among equally near ones the more
 * common term first (`frequency`), as a misspelling is more likely of a word the documents use often.
 */
export function corrections (term: string, vocabulary: readonly string[], frequency: (t: string) => number = () => 0, limit = 3): Array<{ term: string, distance: number }> {
  const max = maxEdits(term)
  if (max === 0) return []
  const out: Array<{ term: string, distance: number }> = []
  for (const v of vocabulary) {
    if (Math.abs(v.length - term.length) > max || (v[0] !== term[0] && v[1] !== term[1])) continue
    const d = boundedDistance(term, v, max)
    if (d <= max) out.push({ term: v, distance: d })
  }
  return out.sort((a, b) => a.distance - b.distance || frequency(b.term) - frequency(a.term) || a.term.localeCompare(b.term)).slice(0, limit)
}
