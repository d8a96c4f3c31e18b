/**
 * What a tab shows beside a field's value: whether it is in conflict (a teammate's concurrent value was
 * replaced in a merge) and its history. `panel` is the open overlay — both values of a conflict to pick
 * from, or a field's history — which the tab shows instead of its rows.
 */
import { useCallback, useState } from 'react'
import type { Conflict, Keep, Store } from '../../store/index.js'
import { conflictChoiceText, historyText } from '../format/changes.js'
import { useAppServices } from '../contexts/app-context.js'
import { useAction } from './use-action.js'
import { useStoreSnapshot } from './use-store.js'

export type FieldPanel = { kind: 'conflict', conflict: Conflict, text: string } | { kind: 'history', title: string, text: string }

export function useAccountConflicts (store: Store, id: string): Conflict[] {
  const load = useCallback(async (s: Store) => (await s.conflicts.list(id))[0]?.conflicts ?? [], [id])
  return useStoreSnapshot(store, load, { accountId: id }).data ?? []
}

export function useFieldExtras (accountId: string) {
  const { store } = useAppServices()
  const conflicts = useAccountConflicts(store, accountId)
  const [panel, setPanel] = useState<FieldPanel | undefined>()
  const { run } = useAction()
  const conflictOf = (field: string | undefined): Conflict | undefined => field === undefined ? undefined : conflicts.find(c => c.field === field)
  return {
    panel,
    conflictOf,
    close: () => setPanel(undefined),
    /** Opens the choice between a conflict's two values; false when the field is not in conflict. */
    choose: (field: string | undefined): boolean => {
      const c = conflictOf(field)
      if (c) setPanel({ kind: 'conflict', conflict: c, text: conflictChoiceText(c) })
      return c !== undefined
    },
    pick: (keep: Extract<Keep, 'kept' | 'replaced'>) => {
      if (panel?.kind !== 'conflict') return
      const c = panel.conflict
      setPanel(undefined)
      void run(() => store.conflicts.resolve(c.id, keep), { done: r => `${c.label}: kept "${(r as Conflict).resolved?.kept ?? ''}" · conflict closed` })
    },
    showHistory: (field: string | undefined, label: string) => {
      if (field === undefined) return
      void run(async () => {
        const entries = await store.changes.history(accountId, field)
        setPanel({ kind: 'history', title: `History of ${label}, oldest first`, text: historyText(label, entries) })
      })
    }
  }
}
