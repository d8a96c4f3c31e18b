/**
 * A cursor over a list shown in a fixed number of lines. The selection follows an entry's key, so when the
 * list changes under it (a remote edit, a re-sort) the same entry stays selected; when that entry is gone
 * the cursor stays at the same position. Lists with headings map entries to lines for scrolling.
 */
import { useRef, useState } from 'react'
import { clampIndex, scrollTop } from '../format/window.js'
import { navHandlers } from '../keys/nav-handlers.js'
import type { Handlers } from '../keys/use-commands.js'

export interface ListCursor {
  index: number
  /** The first visible line. */
  top: number
  set: (i: number) => void
  handlers: Handlers
}

export function useListCursor (keys: readonly string[], height: number, lines?: { lineOf: (i: number) => number, count: number }): ListCursor {
  const [sel, setSel] = useState<{ key: string | undefined, index: number }>({ key: undefined, index: 0 })
  const top = useRef(0)
  const found = sel.key === undefined ? -1 : keys.indexOf(sel.key)
  const index = clampIndex(found >= 0 ? found : sel.index, keys.length)
  // The last entry brings the list's end into view (a closing heading or note after it).
  const line = lines ? (index === keys.length - 1 ? lines.count - 1 : lines.lineOf(index)) : index
  top.current = scrollTop(line, top.current, height, lines ? lines.count : keys.length)
  const set = (i: number) => {
    const j = clampIndex(i, keys.length)
    setSel({ key: keys[j], index: j })
  }
  const page = Math.max(1, height - 1)
  return {
    index,
    top: top.current,
    set,
    handlers: navHandlers(index, set, page, keys.length - 1)
  }
}
