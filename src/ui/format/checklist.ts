/**
 * The Action Plan checklist as lines: a heading per area (Compliance, Business, Account-Requested) and a
 * line per item with its answer and the reason for No/NA; and the knowledge-base query for an item's SOP
 * guidance.
 */
import { AREA_LABELS, answerLabel, isOtherItem, type ChecklistArea, type ChecklistRow } from '../../domain/index.js'
import type { Tone } from '../theme/theme.js'

export type ChecklistLine =
  | { kind: 'heading', text: string }
  | { kind: 'item', row: ChecklistRow, letter: string, label: string, answer: string, reason: string, tone: Tone }

export function checklistLines (rows: readonly ChecklistRow[]): ChecklistLine[] {
  const out: ChecklistLine[] = []
  let area: ChecklistArea | undefined
  for (const row of rows) {
    if (row.area !== area) {
      area = row.area
      const inArea = rows.filter(r => r.area === area)
      const answered = inArea.filter(r => r.answer !== null).length
      out.push({ kind: 'heading', text: `${AREA_LABELS[area]} (${answered}/${inArea.length} answered)` })
    }
    out.push({
      kind: 'item',
      row,
      letter: row.letter,
      // "Other *" (Compliance K, Business H): what the team says it is, ⚠ when answered Yes without it.
      label: isOtherItem(row.key) ? `${row.label} *${row.other ? `: ${row.other}` : row.answer === 'yes' ? ' ⚠ say what (o)' : ''}` : row.label,
      answer: answerLabel(row.answer),
      reason: row.reason,
      tone: row.answer === 'yes' ? 'success' : row.answer === 'na' ? 'accent' : 'secondary'
    })
  }
  if (!rows.some(r => r.area === 'requested')) out.push({ kind: 'heading', text: `${AREA_LABELS.requested} (none yet)` })
  return out
}

/**
 * What to search the knowledge base for, for an item's guidance: its label ("Quota/Visa" → "Quota Visa");
 * a label that says little on its own ("Other", "Other automated programs") gets its area's words.
 */
export function guidanceQuery (row: Pick<ChecklistRow, 'area' | 'label'>): string {
  const label = row.label.replace(/[/*]+/g, ' ').replace(/\s+/g, ' ').trim()
  const generic = /^other\b/i.test(label)
  return generic ? `${label} ${AREA_LABELS[row.area]}` : label
}
