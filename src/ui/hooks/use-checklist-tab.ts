/**
 * The Checklist tab's state: the items in SOP order, the selected one, answering Yes or clearing it, the SOP
 * passage that speaks of it, and the prompt that is open (use-checklist-prompt.ts: a No/NA reason, what an
 * "Other *" item is, a requested item's title), which takes its lines from the list.
 */
import { isOtherItem, type ChecklistRow } from '../../domain/index.js'
import type { AccountRecord } from '../../store/index.js'
import { checklistLines, guidanceQuery } from '../format/checklist.js'
import { guidanceFor } from '../../kb/guidance.js'
import { useAppServices } from '../contexts/app-context.js'
import { useAction } from './use-action.js'
import { PROMPT_LINES, titleOf, useChecklistPrompt } from './use-checklist-prompt.js'
import { useListCursor } from './use-list.js'

export { PROMPT_LINES, titleOf, type ChecklistPrompt } from './use-checklist-prompt.js'

export function useChecklistTab (account: AccountRecord, height: number) {
  const { store, openKnowledge, openReader, kb, notify } = useAppServices()
  const lines = checklistLines(account.checklist)
  const itemLines = lines.map((l, i) => (l.kind === 'item' ? i : -1)).filter(i => i >= 0)
  const rows = itemLines.map(i => (lines[i] as { row: ChecklistRow }).row)
  const action = useAction()
  const p = useChecklistPrompt(account, rows, action)
  const listHeight = Math.max(1, height - 2 - (p.prompt ? PROMPT_LINES : 0))
  const cursor = useListCursor(rows.map(r => r.key), listHeight, { lineOf: i => itemLines[i] ?? 0, count: lines.length })
  const selected = rows[cursor.index]

  const answer = (word: 'yes' | 'clear') => {
    if (!selected) return
    void action.run(() => store.checklist.set(account.id, selected.name, word), { done: `${titleOf(selected)}: ${word === 'yes' ? 'Yes' : 'cleared'}` })
  }

  return {
    listHeight,
    lines,
    itemLines,
    rows,
    cursor,
    selected,
    prompt: p.prompt,
    promptRow: p.promptRow,
    error: p.error,
    text: p.text,
    changed: p.changed,
    yes: () => answer('yes'),
    clear: () => answer('clear'),
    no: () => { if (selected) p.askReason(selected) },
    request: p.askRequest,
    /** "Other *" (Compliance K, Business H): the team says what the other item is. */
    other: () => {
      if (!selected) return
      if (!isOtherItem(selected.key)) { notify('Only the "Other *" items (Compliance K, Business H) say what they are: select one of them', 'info'); return }
      p.askOther(selected)
    },
    guide: () => {
      if (!selected) return
      // The SOP passage that speaks of the item; a requested item (or no index yet) is searched for instead.
      const passage = kb.index ? guidanceFor(kb.index, selected.key) : undefined
      if (passage) openReader(passage.section.id, passage.quote)
      else openKnowledge(guidanceQuery(selected))
    },
    cancel: p.cancel,
    submit: p.submit
  }
}
