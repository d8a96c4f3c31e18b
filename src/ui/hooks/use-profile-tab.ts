/**
 * The Profile tab's state: the selected field and the inline edit of it — the draft, its validation
 * error, and the field's stored value when the edit began (to point out a teammate's change to it).
 */
import { useState } from 'react'
import type { AccountRecord } from '../../store/index.js'
import { profileRows, type ProfileRow } from '../format/profile.js'
import { stageQuestion, type StageQuestion } from '../format/stage.js'
import { useAppServices } from '../contexts/app-context.js'
import { useAction } from './use-action.js'
import { checkField } from './use-form.js'
import { useListCursor } from './use-list.js'
import { useRemoteChanges } from './use-remote-changes.js'
import { useTextLine } from './use-text-line.js'

export function useProfileTab (account: AccountRecord, height: number) {
  const { store, notify } = useAppServices()
  const rows = profileRows(account)
  const cursor = useListCursor(rows.map(r => r.key), height)
  const [editing, setEditing] = useState<{ key: string, start: string } | undefined>()
  const [error, setError] = useState<string | undefined>()
  // Moving the SOP stage with tasks still open behind asks first (as `pat stage … set` warns).
  const [question, setQuestion] = useState<StageQuestion | undefined>()
  const draft = useTextLine('')
  const remote = useRemoteChanges(store, account.id, editing !== undefined)
  const { run, busy } = useAction()
  const selected: ProfileRow | undefined = rows[cursor.index]
  const editRow = editing ? rows.find(r => r.key === editing.key) : undefined
  // While our own save is on its way the stored value changes too: that is not a teammate's change.
  const changed = editing && editRow && !busy && editRow.edit !== editing.start ? { value: editRow.text, remote } : undefined

  return {
    rows,
    cursor,
    selected,
    editing,
    error,
    draft,
    changed,
    busy,
    startEdit: () => {
      if (!selected?.spec) { notify(`${selected?.label ?? 'This line'} is edited with its own command (see \`pat --help\`)`, 'info'); return }
      draft.reset(selected.edit ?? '')
      setError(undefined)
      setEditing({ key: selected.key, start: selected.edit ?? '' })
    },
    cancel: () => { setEditing(undefined); setError(undefined) },
    question,
    /** Saves the draft; a stage change that leaves tasks open asks first (`confirmed` answers yes). */
    save: (confirmed = false) => {
      if (!editing || !editRow?.spec || busy) return
      const spec = editRow.spec
      const text = draft.get().value
      const msg = checkField(spec, text)
      if (msg) { setError(msg); return }
      if (text === editing.start && !changed) { setEditing(undefined); return }
      setQuestion(undefined)
      const q = spec.key === 'stage' ? stageQuestion(account, text) : undefined
      if (q && !confirmed) { setQuestion(q); return }
      const forced = q?.forced
      void run(async () => { await store.accounts.set(account.id, { [spec.key]: text }, forced ? { forced } : {}); return true },
        { onInputError: err => setError(err.message), done: `saved ${spec.label.toLowerCase()}` })
        .then(ok => { if (ok) { setEditing(undefined); setError(undefined) } })
    },
    /** The answer no to the stage question: back to editing the field. */
    keepStage: () => setQuestion(undefined)
  }
}
