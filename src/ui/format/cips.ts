/**
 * Compliance Improvement Plans as table cells: the deficiency, status, the next target date among its
 * action steps not completed, and the end of the six-month conditional period (in the warning tone once
 * passed while the CIP is still open).
 */
import { compareDates, isOpenCip, nextStepTarget, type Cip, type CipStep } from '../../domain/index.js'
import type { Cell, ColumnSpec } from './cells.js'

export const CIP_COLUMNS: readonly ColumnSpec[] = [
  { key: 'deficiency', title: 'DEFICIENCY', flex: true, min: 16 },
  { key: 'status', title: 'STATUS' },
  { key: 'target', title: 'NEXT TARGET', max: 11 },
  { key: 'periodEnd', title: 'PERIOD ENDS', max: 11 }
]

export type CipView = Pick<Cip, 'id' | 'deficiency' | 'status' | 'steps' | 'conditionalPeriodEnd' | 'extensions'>

export function cipCells (cip: CipView, today: string): Record<string, Cell> {
  const end = typeof cip.conditionalPeriodEnd === 'string' ? cip.conditionalPeriodEnd : ''
  const target = nextStepTarget(Array.isArray(cip.steps) ? cip.steps : [])?.date ?? ''
  const open = isOpenCip(cip)
  const late = (d: string) => open && d !== '' && compareDates(d, today) < 0
  const ext = Array.isArray(cip.extensions) && cip.extensions.length ? ` (+${cip.extensions.length} ext.)` : ''
  return {
    deficiency: { text: String(cip.deficiency ?? '') },
    status: { text: String(cip.status ?? 'draft'), ...(open ? {} : { tone: 'secondary' as const }) },
    target: { text: target, ...(late(target) ? { tone: 'warning' as const } : {}) },
    periodEnd: { text: end + ext, ...(late(end) ? { tone: 'warning' as const } : {}) }
  }
}

/** One action step: its text, target date and department, each missing one marked ⚠. */
export function stepLine (s: CipStep): string {
  return `${s.action} · target ${s.target ?? '⚠ none'} · ${s.department ?? '⚠ no department'}${s.completed ? ` · done ${s.completed}` : ''}`
}

/** The selected CIP below the table: its steps, its people and its dates (prepared, issued, report). */
export function cipDetail (c: Cip): string[] {
  const steps = c.steps.length ? c.steps.map((s, i) => `${i + 1}. ${stepLine(s)}`).join('  ') : '⚠ none yet (t adds them)'
  return [
    `Action steps: ${steps}`,
    `Responsible: ${c.responsibleOfficial ?? '—'} · approving: ${c.approvingOfficial ?? '⚠ none'} · validation: ${c.validation ?? '—'}`,
    `Prepared ${c.prepared ?? '⚠ —'} · issued ${c.issued ?? '⚠ no approval date'} · CA report ${c.reportDate ?? '—'}${c.extensions.length ? ` · ${c.extensions.length} extension(s), last until ${c.extensions.at(-1)!.until}` : ''}`
  ]
}
