/**
 * Action Plan project items as table cells: priority, title, responsible party, due date (overdue open
 * items in the warning tone) and status (finished ones muted).
 */
import { PRIORITY_LABELS, isOpen, isOverdue, type PlanFields, type PlanItem } from '../../domain/index.js'
import type { Cell, ColumnSpec } from './cells.js'

export const PLAN_COLUMNS: readonly ColumnSpec[] = [
  { key: 'priority', title: 'PRIORITY' },
  { key: 'title', title: 'TITLE', flex: true, min: 16 },
  { key: 'owner', title: 'OWNER', flex: true, min: 8, max: 18 },
  { key: 'due', title: 'DUE', max: 10 },
  { key: 'status', title: 'STATUS' }
]

const STATUS_LABELS: Record<string, string> = { open: 'open', 'in-progress': 'in progress', done: 'done', dropped: 'dropped' }

export function planCells (item: PlanItem, today: string): Record<string, Cell> {
  const muted = !isOpen(item)
  const tone = muted ? 'secondary' as const : undefined
  const overdue = isOverdue(item, today)
  return {
    priority: { text: PRIORITY_LABELS[item.priority] ?? item.priority, ...(tone ? { tone } : item.priority === 'high' ? { tone: 'accent' as const } : {}) },
    title: { text: item.title, ...(tone ? { tone } : {}) },
    owner: { text: item.owner ?? '', ...(tone ? { tone } : {}) },
    due: { text: item.due ?? '', ...(overdue ? { tone: 'warning' as const } : tone ? { tone } : {}) },
    status: { text: overdue ? 'overdue' : STATUS_LABELS[item.status] ?? item.status, ...(overdue ? { tone: 'warning' as const } : tone ? { tone } : {}) }
  }
}

/** "3 open, 1 overdue, 2 done" */
export function planSummary (items: readonly PlanItem[], today: string): string {
  const open = items.filter(isOpen).length
  const overdue = items.filter(i => isOverdue(i, today)).length
  const done = items.filter(i => i.status === 'done').length
  return [`${open} open`, ...(overdue ? [`${overdue} overdue`] : []), `${done} done`].join(', ')
}

/**
 * The Background's facts the SOP lists ("Provide Compliance Measurement results from the past year",
 * "countries of its chief non-related suppliers", "the department(s) which handle(s) Customs business"),
 * each ⚠ while missing.
 */
export function backgroundLine (plan: Pick<PlanFields, 'cmResults' | 'supplierCountries' | 'customsDepartments'>): string {
  return 'Background: ' + [
    plan.cmResults ? `CM ${plan.cmResults}` : '⚠ CM results',
    plan.supplierCountries?.length ? `suppliers ${plan.supplierCountries.join(', ')}` : '⚠ supplier countries',
    plan.customsDepartments ? `Customs depts ${plan.customsDepartments}` : '⚠ Customs departments'
  ].join(' · ')
}

/** The selected item below the table: its goal, the checklist item it answers, when it was done. */
export function itemDetail (item: Pick<PlanItem, 'goal' | 'checklistItem' | 'doneAt'>): string {
  return [item.goal && `Goal: ${item.goal}`, item.checklistItem && `for ${item.checklistItem}`, item.doneAt && `done ${item.doneAt.slice(0, 10)}`].filter(Boolean).join(' · ')
}
