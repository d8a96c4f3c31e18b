/**
 * Compliance Improvement Plans as table cells: the deficiency, status, target date and the end of the
 * six-month conditional period (in the warning tone once passed while the CIP is still open).
 */
import { compareDates, isOpenCip, type Cip } from '../../domain/index.js'
import type { Cell, ColumnSpec } from './cells.js'

export const CIP_COLUMNS: readonly ColumnSpec[] = [
  { key: 'deficiency', title: 'DEFICIENCY', flex: true, min: 16 },
  { key: 'status', title: 'STATUS' },
  { key: 'target', title: 'TARGET', max: 10 },
  { key: 'periodEnd', title: 'PERIOD ENDS', max: 11 }
]

export type CipView = Pick<Cip, 'id' | 'deficiency' | 'status' | 'target' | 'conditionalPeriodEnd' | 'extensions'>

export function cipCells (cip: CipView, today: string): Record<string, Cell> {
  const end = typeof cip.conditionalPeriodEnd === 'string' ? cip.conditionalPeriodEnd : ''
  const target = typeof cip.target === 'string' ? cip.target : ''
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
