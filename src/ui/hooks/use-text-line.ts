/**
 * The state of one line being edited, kept in a ref as well as in React state, so keys that arrive in one
 * chunk (fast typing, a paste followed by Enter) each see the text the previous one left.
 */
import { useCallback, useMemo, useRef, useState } from 'react'
import type { LineState } from '../keys/text-edit.js'
import type { TextTarget } from '../keys/use-commands.js'

export interface TextLine extends TextTarget {
  state: LineState
  reset: (value: string) => void
}

export function useTextLine (initial = ''): TextLine {
  const ref = useRef<LineState>({ value: initial, cursor: [...initial].length })
  const [state, setState] = useState(ref.current)
  const set = useCallback((s: LineState) => { ref.current = s; setState(s) }, [])
  const get = useCallback(() => ref.current, [])
  const reset = useCallback((value: string) => set({ value, cursor: [...value].length }), [set])
  return useMemo(() => ({ state, get, set, reset }), [state, get, set, reset])
}
