/**
 * The state of the Due screen: what falls due across the workspace (live from the store: an edit here, in
 * another terminal or from a peer moves the dates at once), the period shown, and the selected entry.
 */
import { useCallback, useState } from 'react'
import type { DueEntry } from '../../domain/index.js'
import type { Store } from '../../store/index.js'
import { DUE_WINDOWS, withinWindow, workspaceEntries } from '../format/due.js'
import { useListCursor } from './use-list.js'
import { useStoreSnapshot } from './use-store.js'

/** A key for each entry, so the selection stays on the same one when the list changes. */
export const dueKey = (e: DueEntry) => `${e.rule}|${e.accountId ?? ''}|${e.ref ?? ''}|${e.date}`

export function useDueScreen (store: Store, today: string, tableHeight: number) {
  const [windowAt, setWindowAt] = useState(0)
  // Enter on a whole-workspace entry (the OST deadline) narrows the list to the accounts it concerns.
  const [focus, setFocus] = useState<DueEntry | undefined>()
  const withinDays = DUE_WINDOWS[windowAt]
  // Everything is loaded once and the period filters it here, so `w` answers at once.
  const snap = useStoreSnapshot(store, useCallback((s: Store) => s.workflow.due({ today }), [today]))
  const entries = focus ? workspaceEntries(focus, snap.data ?? []) : withinWindow(snap.data ?? [], withinDays)
  const cursor = useListCursor(entries.map(dueKey), tableHeight)
  return {
    snap,
    entries,
    cursor,
    selected: entries[cursor.index],
    withinDays,
    focus,
    setFocus,
    nextWindow: () => setWindowAt(w => (w + 1) % DUE_WINDOWS.length)
  }
}
