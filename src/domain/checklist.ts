/**
 * The Account Action Plan checklist (SOP, "Account Action Plan Contents"): Compliance items A–K, Business
 * items A–H, and items the account requests. "Each item must be checked with either a 'yes' or a 'no/NA'",
 * and for No/NA "a statement of explanation" is required — so an answer without its reason is rejected here.
 */
import { InputError } from './errors.js'
import type { EntityStamp } from './fields.js'

export type ChecklistArea = 'compliance' | 'business' | 'requested'
export type Answer = 'yes' | 'na'

export interface ChecklistItemDef { key: string, area: ChecklistArea, letter: string, label: string }

const COMPLIANCE = ['Classification', 'Valuation', 'Quota/Visa', 'ADD/CVD', 'Quantity', 'Special Trade Programs/NAFTA',
  'Admissibility', 'Invoice Requirements', 'Internal Controls/Recordkeeping', 'OGA', 'Other']
const BUSINESS = ['ABI', 'ACH', 'Remote Filing', 'Reconciliation', 'Manifests', 'Entry Filing Method',
  'Other automated programs', 'Other']

const LETTERS = 'ABCDEFGHIJK'
const define = (area: ChecklistArea, labels: string[]): ChecklistItemDef[] =>
  labels.map((label, i) => ({ key: `${area}.${LETTERS[i]}`, area, letter: LETTERS[i]!, label }))

/** The canonical items, in the order the SOP lists them. */
export const CHECKLIST_ITEMS: readonly ChecklistItemDef[] = [...define('compliance', COMPLIANCE), ...define('business', BUSINESS)]

export const AREA_LABELS: Record<ChecklistArea, string> = {
  compliance: 'Compliance Items', business: 'Business Items', requested: 'Account-Requested Items'
}

export interface ChecklistAnswer { answer: Answer, reason: string, by: string, at: string }

/**
 * The two "Other *" items (Compliance K, Business H): the team says what each one is. The SOP's form
 * marks them with an asterisk and the footnote OTHER_FOOTNOTE.
 */
export const OTHER_ITEMS: readonly string[] = ['compliance.K', 'business.H']
export const OTHER_FOOTNOTE = '*Additional Items can be added by the Account Manager/Port Account Team or account'
export const isOtherItem = (key: string): boolean => OTHER_ITEMS.includes(key)

/** What the team says an "Other" item (named as typed: business.h) is: trimmed, one line, at most 200 characters. */
export function parseOtherText (item: string, text: string): string {
  const m = /^(compliance|business)\.([a-z])$/i.exec(item.trim())
  const key = m ? `${m[1]!.toLowerCase()}.${m[2]!.toUpperCase()}` : item
  if (!isOtherItem(key)) throw new InputError(`${item} is not an "Other" item: only compliance.K and business.H say what they are`, 'item')
  const value = text.replace(/\s+/g, ' ').trim()
  if (value.length > 200) throw new InputError(`what the other item is: ${value.length} characters, at most 200: say it in a line`, 'other')
  return value
}

/** A requested item as stored: its own id, a title, and when it was added (which fixes its number). */
export type RequestedItem = EntityStamp & { readonly title: string }

/** Parses a user's answer word: yes, or no/na (one box in the SOP's form), or "clear" to unanswer. */
export function parseAnswer (word: string): Answer | null {
  switch (word.trim().toLowerCase()) {
    case 'yes': case 'y': return 'yes'
    case 'no': case 'na': case 'n/a': case 'no/na': case 'n': return 'na'
    case 'clear': case 'unanswered': case 'none': return null
    default: throw new InputError(`invalid answer "${word}": use yes, no or na (or clear)`, 'answer')
  }
}

/** Validates an answer with its reason; No/NA without a reason is refused, as the SOP demands. */
export function validateAnswer (answer: Answer, reason: string | undefined, label: string): { answer: Answer, reason: string } {
  const text = (reason ?? '').trim()
  if (answer === 'na' && text === '') {
    throw new InputError(`${label}: No/NA needs a reason (the SOP asks for a statement of explanation); add --reason "…"`, 'reason')
  }
  return { answer, reason: text }
}

/** Requested items sorted into their stable display order (requested.1, requested.2, …). */
export function orderRequested<T extends RequestedItem> (items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
}

/**
 * Resolves an item name (`compliance.A`, `Business.c`, `requested.2`) to its definition. Requested items
 * need the account's list to know which id number N stands for.
 */
export function resolveChecklistItem (name: string, requested: readonly RequestedItem[]): ChecklistItemDef & { id?: string } {
  const m = /^(compliance|business|requested)\.([a-z]|\d+)$/i.exec(name.trim())
  if (!m) throw new InputError(`unknown checklist item "${name}": use compliance.A–K, business.A–H or requested.N`, 'item')
  const area = m[1]!.toLowerCase() as ChecklistArea
  if (area === 'requested') {
    const n = Number(m[2])
    const item = orderRequested(requested)[n - 1]
    if (!item) throw new InputError(`unknown checklist item "${name}": this account has ${requested.length} requested item(s)`, 'item')
    return { key: `requested.${item.id}`, id: item.id, area, letter: String(n), label: item.title }
  }
  const key = `${area}.${m[2]!.toUpperCase()}`
  const def = CHECKLIST_ITEMS.find(i => i.key === key)
  if (!def) throw new InputError(`unknown checklist item "${name}": ${AREA_LABELS[area]} run ${area}.A to ${area}.${area === 'compliance' ? 'K' : 'H'}`, 'item')
  return def
}

export interface ChecklistRow extends ChecklistItemDef {
  /** The name a user types: compliance.A, requested.1 */
  name: string
  /** For Compliance K and Business H: what the team says the other item is (unset until it says). */
  other?: string
  answer: Answer | null
  reason: string
  by?: string
  at?: string
}

/** The whole checklist of an account in SOP order, answered or not. */
export function checklistRows (answers: ReadonlyMap<string, ChecklistAnswer>, requested: readonly RequestedItem[], others: ReadonlyMap<string, string> = new Map()): ChecklistRow[] {
  const rows: ChecklistRow[] = CHECKLIST_ITEMS.map(def => {
    const other = others.get(def.key)
    return withAnswer({ ...def, name: def.key, ...(isOtherItem(def.key) && other ? { other } : {}) }, answers.get(def.key))
  })
  orderRequested(requested).forEach((item, i) => {
    const key = `requested.${item.id}`
    rows.push(withAnswer({ key, name: `requested.${i + 1}`, area: 'requested', letter: String(i + 1), label: item.title }, answers.get(key)))
  })
  return rows
}

function withAnswer (row: Omit<ChecklistRow, 'answer' | 'reason'>, a: ChecklistAnswer | undefined): ChecklistRow {
  return a ? { ...row, answer: a.answer, reason: a.reason, by: a.by, at: a.at } : { ...row, answer: null, reason: '' }
}

export function answerLabel (answer: Answer | null): string {
  return answer === 'yes' ? 'Yes' : answer === 'na' ? 'No/NA' : '—'
}
