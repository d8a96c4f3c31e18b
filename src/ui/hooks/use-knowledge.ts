/**
 * The knowledge overlay's state: the query being typed, the results (searched again on every keystroke —
 * the index answers in a millisecond or two) and the selected result.
 */
import { useMemo, useState } from 'react'
import { search } from '../../kb/search.js'
import type { Hit, KbIndex } from '../../kb/types.js'
import { clampIndex } from '../format/window.js'
import { useTextLine } from './use-text-line.js'

export const RESULT_LIMIT = 20

export function useKnowledge (index: KbIndex | undefined, initialQuery: string) {
  const query = useTextLine(initialQuery)
  const [selected, setSelected] = useState(0)
  const q = query.state.value
  const hits: Hit[] = useMemo(() => (index && q.trim() ? search(index, q, { limit: RESULT_LIMIT }) : []), [index, q])
  const sel = clampIndex(selected, hits.length)
  return {
    query: {
      ...query,
      // A new query starts at the best result.
      set: (s: Parameters<typeof query.set>[0]) => { if (s.value !== query.get().value) setSelected(0); query.set(s) }
    },
    hits,
    selected: sel,
    hit: hits[sel],
    up: () => setSelected(clampIndex(sel - 1, hits.length)),
    down: () => setSelected(clampIndex(sel + 1, hits.length))
  }
}
