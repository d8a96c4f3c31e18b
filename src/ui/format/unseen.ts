/**
 * Teammates' changes an account opened with: which tab each belongs to (so the tab bar can mark them) and
 * the line that says how many there are.
 */
import type { Change } from '../../store/index.js'
import type { AccountTab } from '../hooks/use-account.js'

/** The tab a change shows on: from its field's name, else from the words of its summary (an added entry). */
export function tabOf (c: Change): AccountTab {
  const f = c.field ?? ''
  const s = c.summary
  if (f.startsWith('contacts.') || /^(added|removed) contact /.test(s) || s.startsWith('contact ')) return 'contacts'
  if (f.startsWith('checklist.') || /checklist item|Compliance [A-K]|Business [A-H]/.test(s)) return 'checklist'
  if (/^(items|approvals|plan)\./.test(f) || /plan item|approval|action plan/.test(s)) return 'plan'
  if (f.startsWith('cips.') || /\bCIP\b/.test(s)) return 'cip'
  return 'profile'
}

/** How many of the changes fall on each tab. */
export function unseenByTab (changes: readonly Change[]): Partial<Record<AccountTab, number>> {
  const out: Partial<Record<AccountTab, number>> = {}
  for (const c of changes) { const t = tabOf(c); out[t] = (out[t] ?? 0) + 1 }
  return out
}

/** "3 changes by Bo Chen since you last looked · C lists them" */
export function unseenLine (changes: readonly Change[]): string {
  const names = [...new Set(changes.map(c => c.byName))]
  return `${changes.length} change${changes.length === 1 ? '' : 's'} by ${names.join(', ')} since you last looked · C lists them`
}
