/**
 * The Checklist tab's one-line prompt: the reason for a No/NA answer (required: the SOP asks for a statement
 * of explanation, and an empty one is refused beside the field, nothing saved), what an "Other *" item is, or
 * the title of a new account-requested item. While a reason is typed, a teammate's change to the same answer
 * is shown beside it (`changed`), so the member does not overwrite it unknowingly.
 */
import { useState } from 'react'
import { answerLabel, type ChecklistRow } from '../../domain/index.js'
import type { AccountRecord } from '../../store/index.js'
import { useAppServices } from '../contexts/app-context.js'
import type { useAction } from './use-action.js'
import { useRemoteChanges } from './use-remote-changes.js'
import { useTextLine } from './use-text-line.js'

export type ChecklistPrompt = { kind: 'reason', key: string, start: string } | { kind: 'request' } | { kind: 'other', key: string } | undefined

/** Lines the prompt takes when open: the field, an error (up to two lines) and a teammate's change. */
export const PROMPT_LINES = 4

export const answerText = (r: ChecklistRow | undefined) => (r ? `${answerLabel(r.answer)}${r.reason ? `: ${r.reason}` : ''}` : '')

export function titleOf (r: ChecklistRow): string {
  const area = r.area === 'compliance' ? 'Compliance' : r.area === 'business' ? 'Business' : 'Requested'
  return `${area} ${r.letter} (${r.label})`
}

/** `action` is the tab's own (one busy flag for an answer and a prompt's save). */
export function useChecklistPrompt (account: AccountRecord, rows: readonly ChecklistRow[], { run, busy }: ReturnType<typeof useAction>) {
  const { store } = useAppServices()
  const [prompt, setPrompt] = useState<ChecklistPrompt>()
  const [error, setError] = useState<string | undefined>()
  const text = useTextLine('')
  const remote = useRemoteChanges(store, account.id, prompt !== undefined)
  const promptRow = prompt?.kind === 'reason' ? rows.find(r => r.key === prompt.key) : undefined
  const now = answerText(promptRow)
  const changed = prompt?.kind === 'reason' && !busy && now !== prompt.start ? { value: now, remote } : undefined

  const open = (next: NonNullable<ChecklistPrompt>, start: string) => { text.reset(start); setError(undefined); setPrompt(next) }
  const close = () => { setPrompt(undefined); setError(undefined) }
  /** Runs a save; an InputError stays beside the field, success closes the prompt. */
  const save = (action: () => Promise<unknown>, done: string) => {
    void run(async () => { await action(); return true }, { onInputError: e => setError(e.message), done }).then(ok => { if (ok) close() })
  }

  const submit = () => {
    if (!prompt || busy) return
    const value = text.get().value
    if (prompt.kind === 'other') {
      const key = prompt.key
      save(() => store.checklist.describeOther(account.id, key, value), value.trim() ? `${key} (Other): ${value.trim()}` : `${key} (Other): cleared`)
      return
    }
    if (prompt.kind === 'request') {
      save(() => store.checklist.addRequested(account.id, value), `added requested item "${value.trim()}"`)
      return
    }
    const row = promptRow
    if (!row) { close(); return }
    if (value.trim() === '') { setError('No/NA needs a reason: the SOP asks for a statement of explanation'); return }
    save(() => store.checklist.set(account.id, row.name, 'na', value), `${titleOf(row)}: No/NA`)
  }

  return {
    prompt,
    promptRow,
    error,
    text,
    changed,
    /** The reason for a No/NA answer to `row`, starting from the reason it has. */
    askReason: (row: ChecklistRow) => open({ kind: 'reason', key: row.key, start: answerText(row) }, row.answer === 'na' ? row.reason : ''),
    askRequest: () => open({ kind: 'request' }, ''),
    /** What the "Other *" item `row` is. */
    askOther: (row: ChecklistRow) => open({ kind: 'other', key: row.key }, row.other ?? ''),
    cancel: close,
    submit
  }
}
