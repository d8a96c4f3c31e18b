/**
 * What the Contacts, Action Plan and CIP tabs share: a selected entry and a form that is closed, adding,
 * or editing one entry.
 */
import { useState } from 'react'
import { useListCursor } from './use-list.js'

export type FormMode = { mode: 'add' } | { mode: 'edit', id: string } | undefined

export function useEntityTab (keys: readonly string[], height: number, lines?: { lineOf: (i: number) => number, count: number }) {
  const cursor = useListCursor(keys, height, lines)
  const [form, setForm] = useState<FormMode>()
  return {
    cursor,
    selectedKey: keys[cursor.index],
    form,
    add: () => setForm({ mode: 'add' }),
    edit: () => { const id = keys[cursor.index]; if (id) setForm({ mode: 'edit', id }) },
    close: () => setForm(undefined)
  }
}
