/**
 * What a tab shows beside a field's value or an entry's row: whether it is in conflict (a teammate's
 * concurrent value was replaced in a merge) and its history. `panel` is the open overlay — both values of a
 * conflict to pick from, or a history — which the tab shows instead of its rows.
 *
 * Fields are named as the store names them (store/field-paths.ts): `address`, `checklist.compliance.B`,
 * `items.<id>.due`. A row of the Checklist, Contacts, Action Plan or CIP tab is a prefix of such names
 * (`checklist.compliance.B`, `contacts.<id>`): the row is in conflict when one of its fields is, and its
 * history is the history of all its fields.
 */
import { useCallback, useState } from 'react'
import type { Conflict, Keep, Store } from '../../store/index.js'
import { conflictChoiceText, historyText } from '../format/changes.js'
import { useAppServices } from '../contexts/app-context.js'
import { useAction } from './use-action.js'
import { useStoreSnapshot } from './use-store.js'

export type FieldPanel = { kind: 'conflict', conflict: Conflict, text: string, of: number } | { kind: 'history', title: string, text: string }

export function useAccountConflicts (store: Store, id: string): Conflict[] {
  const load = useCallback(async (s: Store) => (await s.conflicts.list(id))[0]?.conflicts ?? [], [id])
  return useStoreSnapshot(store, load, { accountId: id }).data ?? []
}

/** Whether the field `field` is `row` or lies under it (`items.x.due` under `items.x`). */
export const underRow = (field: string, row: string): boolean => field === row || field.startsWith(`${row}.`)

/** The key inside its entry of a field under `row` (`due` of `items.x.due`). */
export const keyUnder = (field: string, row: string): string => field.slice(row.length + 1)

export function useFieldExtras (accountId: string) {
  const { store, notify } = useAppServices()
  const conflicts = useAccountConflicts(store, accountId)
  const [panel, setPanel] = useState<FieldPanel | undefined>()
  const { run } = useAction()
  const conflictOf = (field: string | undefined): Conflict | undefined => field === undefined ? undefined : conflicts.find(c => c.field === field)
  /** The open conflicts of the fields under any of `rows` (an entry and, for a CIP, its action steps). */
  const conflictsOn = (...rows: string[]): Conflict[] => conflicts.filter(c => rows.some(r => underRow(c.field, r)))
  const open = (found: readonly Conflict[]): boolean => {
    const c = found[0]
    if (c) setPanel({ kind: 'conflict', conflict: c, text: conflictChoiceText(c), of: found.length })
    return c !== undefined
  }
  /** Opens the choice for the first conflict under `rows` (oldest first; the next after it is picked), or says there is none. */
  const chooseOn = (...rows: string[]): void => {
    if (!open(conflictsOn(...rows))) notify('Nothing in conflict here: the rows marked ! have a value a merge replaced', 'info')
  }
  /** The history of a field, or with an entry's name (`contacts.<id>`) of every field of the entry. */
  const showHistory = (field: string | undefined, label: string) => {
    if (field === undefined) return
    void run(async () => {
      const entries = await store.changes.history(accountId, field)
      setPanel({ kind: 'history', title: `History of ${label}, oldest first`, text: historyText(label, entries) })
    })
  }
  return {
    panel,
    conflicts,
    conflictOf,
    conflictsOn,
    /** The keys of an entry's fields in conflict (`row` = `items.<id>`): what its edit form marks. */
    keysInConflict: (row: string | undefined): ReadonlySet<string> =>
      new Set(row === undefined ? [] : conflicts.filter(c => underRow(c.field, row)).map(c => keyUnder(c.field, row))),
    close: () => setPanel(undefined),
    /** Opens the choice between a field's two values; false when the field is not in conflict. */
    choose: (field: string | undefined): boolean => open(field === undefined ? [] : conflicts.filter(c => c.field === field)),
    chooseOn,
    /**
     * The keys of a tab's selected row (none selected: undefined): `!` opens the first conflict under its
     * `rows` (the entry's name first), `H` the history of the entry's fields, titled with `label`.
     */
    rowHandlers: (row: { rows: readonly string[], label: string } | undefined) => ({
      'field.conflict': () => { if (row) chooseOn(...row.rows) },
      'field.history': () => { if (row?.rows[0]) showHistory(row.rows[0], row.label) }
    }),
    pick: (keep: Extract<Keep, 'kept' | 'replaced'>) => {
      if (panel?.kind !== 'conflict') return
      const c = panel.conflict
      setPanel(undefined)
      void run(() => store.conflicts.resolve(c.id, keep), { done: r => `${c.label}: kept "${(r as Conflict).resolved?.kept ?? ''}" · conflict closed` })
    },
    showHistory
  }
}

export type FieldExtras = ReturnType<typeof useFieldExtras>
