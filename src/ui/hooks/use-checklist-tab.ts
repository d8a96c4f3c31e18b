/**
 * The Checklist tab's state: the selected item, and the one-line prompt that is open — the reason for a
 * No/NA answer (required: the SOP asks for a statement of explanation, and an empty one is refused beside
 * the field, nothing saved) or the title of a new account-requested item.
 */
import { useState } from 'react'
import { answerLabel, isOtherItem, type ChecklistRow } from '../../domain/index.js'
import type { AccountRecord } from '../../store/index.js'
import { checklistLines, guidanceQuery } from '../format/checklist.js'
import { guidanceFor } from '../../kb/guidance.js'
import { useAppServices } from '../contexts/app-context.js'
import { useAction } from './use-action.js'
import { useListCursor } from './use-list.js'
import { useRemoteChanges } from './use-remote-changes.js'
import { useTextLine } from './use-text-line.js'

export type ChecklistPrompt = { kind: 'reason', key: string, start: string } | { kind: 'request' } | { kind: 'other', key: string } | undefined

const answerText = (r: ChecklistRow | undefined) => (r ? `${answerLabel(r.answer)}${r.reason ? `: ${r.reason}` : ''}` : '')

export function titleOf (r: ChecklistRow): string {
  const area = r.area === 'compliance' ? 'Compliance' : r.area === 'business' ? 'Business' : 'Requested'
  return `${area} ${r.letter} (${r.label})`
}

/** Lines the prompt takes when open: the field, an error (up to two lines) and a teammate's change. */
export const PROMPT_LINES = 4

// eslint-disable-next-line max-lines-per-function -- not split yet (#16)
export function useChecklistTab (account: AccountRecord, height: number) {
  const { store, openKnowledge, openReader, kb, notify } = useAppServices()
  const [prompt, setPrompt] = useState<ChecklistPrompt>()
  const listHeight = Math.max(1, height - 2 - (prompt ? PROMPT_LINES : 0))
  const lines = checklistLines(account.checklist)
  const itemLines = lines.map((l, i) => (l.kind === 'item' ? i : -1)).filter(i => i >= 0)
  const rows = itemLines.map(i => (lines[i] as { row: ChecklistRow }).row)
  const cursor = useListCursor(rows.map(r => r.key), listHeight, { lineOf: i => itemLines[i] ?? 0, count: lines.length })
  const selected = rows[cursor.index]
  const [error, setError] = useState<string | undefined>()
  const text = useTextLine('')
  const { run, busy } = useAction()
  const remote = useRemoteChanges(store, account.id, prompt !== undefined)
  const promptRow = prompt?.kind === 'reason' ? rows.find(r => r.key === prompt.key) : undefined
  const now = answerText(promptRow)
  const changed = prompt?.kind === 'reason' && !busy && now !== prompt.start ? { value: now, remote } : undefined

  const close = () => { setPrompt(undefined); setError(undefined) }
  const answer = (word: 'yes' | 'clear') => {
    if (!selected) return
    void run(() => store.checklist.set(account.id, selected.name, word), { done: `${titleOf(selected)}: ${word === 'yes' ? 'Yes' : 'cleared'}` })
  }

  return {
    listHeight,
    lines,
    itemLines,
    rows,
    cursor,
    selected,
    prompt,
    promptRow,
    error,
    text,
    changed,
    yes: () => answer('yes'),
    clear: () => answer('clear'),
    no: () => {
      if (!selected) return
      text.reset(selected.answer === 'na' ? selected.reason : '')
      setError(undefined)
      setPrompt({ kind: 'reason', key: selected.key, start: answerText(selected) })
    },
    request: () => { text.reset(''); setError(undefined); setPrompt({ kind: 'request' }) },
    /** "Other *" (Compliance K, Business H): the team says what the other item is. */
    other: () => {
      if (!selected) return
      if (!isOtherItem(selected.key)) { notify('Only the "Other *" items (Compliance K, Business H) say what they are: select one of them', 'info'); return }
      text.reset(selected.other ?? '')
      setError(undefined)
      setPrompt({ kind: 'other', key: selected.key })
    },
    guide: () => {
      if (!selected) return
      // The SOP passage that speaks of the item; a requested item (or no index yet) is searched for instead.
      const passage = kb.index ? guidanceFor(kb.index, selected.key) : undefined
      if (passage) openReader(passage.section.id, passage.quote)
      else openKnowledge(guidanceQuery(selected))
    },
    cancel: close,
    submit: () => {
      if (!prompt || busy) return
      const value = text.get().value
      if (prompt.kind === 'other') {
        const key = prompt.key
        void run(async () => { await store.checklist.describeOther(account.id, key, value); return true },
          { onInputError: e => setError(e.message), done: value.trim() ? `${key} (Other): ${value.trim()}` : `${key} (Other): cleared` }).then(ok => { if (ok) close() })
        return
      }
      if (prompt.kind === 'request') {
        void run(async () => { await store.checklist.addRequested(account.id, value); return true },
          { onInputError: e => setError(e.message), done: `added requested item "${value.trim()}"` }).then(ok => { if (ok) close() })
        return
      }
      const row = promptRow
      if (!row) { close(); return }
      if (value.trim() === '') { setError('No/NA needs a reason: the SOP asks for a statement of explanation'); return }
      void run(async () => { await store.checklist.set(account.id, row.name, 'na', value); return true },
        { onInputError: e => setError(e.message), done: `${titleOf(row)}: No/NA` }).then(ok => { if (ok) close() })
    }
  }
}
