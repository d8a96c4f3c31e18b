/**
 * The overlays stacked over the route: help, knowledge search and the reader. Each keeps its own id, so an
 * overlay under another stays mounted (its search and scroll as they were) and the top one is what shows.
 */
import { useCallback, useState } from 'react'
import type { ScreenId } from '../keys/key-table.js'

export type Overlay =
  | { id: number, kind: 'help', screen: ScreenId }
  | { id: number, kind: 'knowledge', query: string }
  | { id: number, kind: 'reader', sectionId: string, find?: string }
export type NewOverlay = Overlay extends infer O ? O extends Overlay ? Omit<O, 'id'> : never : never

let overlayIds = 0

export function useOverlays () {
  const [overlays, setOverlays] = useState<Overlay[]>([])
  const push = useCallback((o: NewOverlay) => setOverlays(list => [...list, { ...o, id: ++overlayIds } as Overlay]), [])
  const pop = useCallback(() => setOverlays(list => list.slice(0, -1)), [])
  const openKnowledge = useCallback((query = '') => setOverlays(list => {
    // Back to the search already open (under a reader) rather than a second one.
    const at = list.findIndex(o => o.kind === 'knowledge')
    if (at >= 0 && query === '') return list.slice(0, at + 1)
    return [...list, { id: ++overlayIds, kind: 'knowledge', query }]
  }), [])
  return { overlays, push, pop, openKnowledge }
}
