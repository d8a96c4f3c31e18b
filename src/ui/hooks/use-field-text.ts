/**
 * The text of a form's fields and each one's cursor, kept in refs (a key typed changes them at once, so a
 * second key in the same tick edits the first's result) with a re-render after each change. `text` is the
 * focused field as a TextTarget, the key handling's view of it.
 */
import { useCallback, useRef, useState, type RefObject } from 'react'
import type { FieldSpec } from '../../domain/index.js'
import type { LineState } from '../keys/text-edit.js'
import type { TextTarget } from '../keys/use-commands.js'

/** `focusRef` is the form's focused field as of the last key (the state lags a render behind). */
export function useFieldText (specs: readonly FieldSpec[], initial: Record<string, string>, focus: number, focusRef: RefObject<number>) {
  const values = useRef<Record<string, string>>({ ...initial })
  const cursors = useRef<Record<string, number>>({})
  const [, setTick] = useState(0)
  const rerender = useCallback(() => setTick(t => t + 1), [])
  const lineOf = (k: string): LineState => ({ value: values.current[k] ?? '', cursor: cursors.current[k] ?? [...(values.current[k] ?? '')].length })
  const text: TextTarget & { state: LineState } = {
    state: lineOf(specs[focus]?.key ?? ''),
    get: () => lineOf(specs[focusRef.current]?.key ?? ''),
    set: (s: LineState) => {
      const k = specs[focusRef.current]?.key ?? ''
      values.current = { ...values.current, [k]: s.value }
      cursors.current[k] = s.cursor
      rerender()
    }
  }
  return { values, text }
}
