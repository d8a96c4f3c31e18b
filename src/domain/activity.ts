/**
 * The activity log vocabulary: one entry per change, saying who (member id and name), when (an ISO
 * timestamp from the author's clock), what kind of change, and a one-line human summary. Entries are only
 * ever appended — the permanent audit trail the ACE Account Portal promised.
 */
/** One field an edit changed: its name for scripts (`address`, `plan.scope`), its label, the values before and after as shown. */
export interface FieldChange { field: string, label: string, from?: string, to?: string }

export interface ActivityEntry {
  at: string
  by: string
  byName: string
  action: string
  summary: string
  /**
   * The entry's place in the log: `at`, moved after every entry its author had already seen, so that a
   * member whose clock is behind still appears after what they answered (see store/activity-log.ts).
   * Absent in entries written before it existed.
   */
  order?: string
  /** The fields the edit changed (entries written before this existed have only the summary). */
  fields?: FieldChange[]
}

/** Lines read from the edits rather than written (a conflict, concurrent text edits): after the edits they tell of. */
const DERIVED = new Set(['conflict', 'concurrent-text'])
const derived = (e: ActivityEntry): number => DERIVED.has(e.action) ? 1 : 0

/**
 * Log entries in the order a reader expects: by place in the log; at the same instant a derived line after
 * the edits (it takes the later edit's time, and its author's id must not put it first); then by author, so
 * every replica agrees.
 */
export function sortActivity<T extends ActivityEntry> (entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => (a.order ?? a.at).localeCompare(b.order ?? b.at) || derived(a) - derived(b) || a.by.localeCompare(b.by))
}

/** `2026-11-22 14:05  Dana Ruiz  set Compliance A (Classification) to Yes` */
export function formatActivity (e: ActivityEntry, timeZone?: string): string {
  const d = new Date(e.at)
  const local = Number.isNaN(d.getTime())
    ? e.at
    : d.toLocaleString('sv-SE', { timeZone, hour12: false }).slice(0, 16)
  return `${local}  ${e.byName}  ${e.summary}`
}
