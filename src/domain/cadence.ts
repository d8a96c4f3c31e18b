/**
 * The due-date rules of the SOP and the CIP framework, computed from recorded dates. Every entry says which
 * rule produced it, the date it falls due, and the recorded date it was computed from. Dates are calendar
 * dates (calendar arithmetic in dates.ts): a review two years after 2024-02-29 is due 2026-02-28, and no
 * time zone moves a due date. "Overdue" means the date is before today; due today is not overdue.
 *
 * The rules:
 *  - profile-review: review the account profile at least every 2 years (SOP, Evaluate, step 1). From the
 *    latest of the profile's "last reviewed" date and review events of the profile; an account in Evaluate
 *    or later with no review recorded is due now.
 *  - plan-review: review the Action Plan with the account at least annually (SOP, Improve, step 6). From the
 *    latest of the plan's "last reviewed" date, the date of the plan, and review events of the plan done by
 *    today; an account with none of these has no plan to review, so nothing is due under this rule.
 *  - plan-missing: an account in Improve or Manage with no plan recorded (none of the dates above): "No
 *    action plan yet", due now (SOP, Improve: "Work with account to develop account action plan").
 *  - questionnaire: an account in Evaluate whose questionnaire is owed (assessment.ts: no Compliance
 *    Assessment conducted or scheduled to begin within 6 months) and not yet sent (the task
 *    evaluate.questionnaire-sent, asked through lifecycle.ts): due now (SOP, Evaluate, step 3).
 *  - activity-review: each quarter (3 months), review the activity of a compliant account with no pending
 *    action items (SOP, Manage, step 6). "Compliant" here: stage Manage, no open project item and no CIP
 *    still open (draft, submitted, implementing). From the latest review event of the activity; due now
 *    when none is recorded.
 *  - cip-conditional-period: a CIP's six-month conditional period from the CA report ends, or the end of its
 *    latest extension (CIP framework, Timeframes) — for CIPs not yet implemented (an implemented one is
 *    listed until its period ends: the follow-up review extends it automatically).
 *  - cip-target: the earliest target date among an open CIP's action steps not completed (CIP framework,
 *    Target Dates: "A target date should be established for each action step").
 *  - ost-definition: an account whose definition changed after OST was last told (ost.ts; the store records
 *    the change itself when an IR#, the kind or a related company changes) must be reported by the first of
 *    Mar 15, Jun 15, Sep 15, Dec 15 on or after the change (SOP, Establish, step 3). Missed → overdue.
 *  - ost-deadline: the next of those four dates, once for the whole workspace (accountId null), so the team
 *    sees the deadline for any definition change it has not recorded yet.
 *  - plan-item: an open project-list item's due date.
 */
import { addDays, addMonths, addYears, compareDates, daysBetween, type IsoDate } from './dates.js'
import { STAGES, type Stage } from './account.js'
import { conditionalPeriodEnd, nextStepTarget } from './cip.js'
import { InputError } from './errors.js'
import { PRIORITY_LABELS, type Priority } from './plan.js'
import { isOpenCip, isOpenItem, resolveTask, taskProgress, type AccountSnapshot } from './lifecycle.js'
import { questionnaireDuty } from './assessment.js'
import { ostNotice } from './ost.js'
import { heldDates, type ReviewSubject } from './events.js'

export const DUE_RULES = [
  'profile-review', 'plan-review', 'plan-missing', 'questionnaire', 'activity-review', 'cip-conditional-period', 'cip-target', 'ost-definition',
  'ost-deadline', 'plan-item'
] as const
export type DueRule = typeof DUE_RULES[number]
export type DueKind = 'review' | 'deadline' | 'item'

export const DUE_RULE_INFO: Record<DueRule, { kind: DueKind, text: string }> = {
  'profile-review': { kind: 'review', text: 'Review the account profile at least every 2 years (SOP, Evaluate the Account, step 1)' },
  'plan-review': { kind: 'review', text: 'Review the Account Action Plan with the account at least annually (SOP, Improve, step 6)' },
  'plan-missing': { kind: 'deadline', text: 'An account in Improve or Manage needs its Account Action Plan; none is recorded yet (SOP, Improve Account Compliance)' },
  questionnaire: { kind: 'deadline', text: 'Customise and send the questionnaire unless a Compliance Assessment was conducted or begins within 6 months (SOP, Evaluate, step 3)' },
  'activity-review': { kind: 'review', text: 'Each quarter, review the activity of a compliant account with no pending action items (SOP, Manage, step 6)' },
  'cip-conditional-period': { kind: 'deadline', text: 'A CIP\'s conditional period ends six months after the CA report, or when its extension ends (CIP framework, Timeframes)' },
  'cip-target': { kind: 'item', text: 'Target date for a CIP\'s corrective action steps (CIP framework, Target Dates)' },
  'ost-definition': { kind: 'deadline', text: 'Notify OST of a change to the account definition by Mar 15, Jun 15, Sep 15 or Dec 15 (SOP, Establish, step 3)' },
  'ost-deadline': { kind: 'deadline', text: 'Deadline for account-definition changes to reach OST for the next quarterly release: Mar 15, Jun 15, Sep 15, Dec 15 (SOP, Establish, step 3)' },
  'plan-item': { kind: 'item', text: 'Project list item due (Account Action Plan, Project List)' }
}

export interface DueEntry {
  /** When it falls due (for a missed OST deadline: the deadline that was missed). */
  date: IsoDate
  /** null for a workspace-wide entry (the OST deadline). */
  accountId: string | null
  accountName: string | null
  rule: DueRule
  /** The rule in words, with its source. */
  ruleText: string
  kind: DueKind
  /** What is due: "Account profile review", "Plan item: Classification review". */
  title: string
  overdue: boolean
  /** Days from today to the date (negative when overdue). */
  daysLeft: number
  /** The recorded date the due date was computed from. */
  since?: IsoDate
  /** The plan item or CIP the entry is about. */
  ref?: string
  note?: string
}

/** The four quarterly dates by which OST must hear of account-definition changes. */
export const OST_DEADLINES = ['03-15', '06-15', '09-15', '12-15'] as const

/** The first OST deadline on or after `date` (Dec 16 → Mar 15 of the next year). */
export function nextOstDeadline (date: IsoDate): IsoDate {
  const year = Number(date.slice(0, 4))
  for (const y of [year, year + 1]) {
    for (const md of OST_DEADLINES) {
      const d = `${String(y).padStart(4, '0')}-${md}`
      if (compareDates(d, date) >= 0) return d
    }
  }
  throw new Error('unreachable')
}

const isDateString = (v: unknown): v is IsoDate => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)

/** The latest of the given dates (undefined when none is a date). */
export function latestDate (...dates: unknown[]): IsoDate | undefined {
  return dates.filter(isDateString).reduce<IsoDate | undefined>((a, b) => (a === undefined || compareDates(b, a) > 0 ? b : a), undefined)
}

const stageAtLeast = (stage: Stage, min: Stage) => STAGES.indexOf(stage) >= STAGES.indexOf(min)

/** Review events of a subject, done by `today` (a planned review is not a review done: events.ts). */
const reviewDates = (a: AccountSnapshot, subject: ReviewSubject, today: IsoDate): IsoDate[] => heldDates(a.events, 'review', today, subject)

/** Whether the account counts as compliant for the quarterly activity review (see the header). */
export function isCompliantAccount (a: AccountSnapshot): boolean {
  return a.stage === 'manage' && !(a.plan?.items ?? []).some(isOpenItem) && !(a.cips ?? []).some(isOpenCip)
}

/** The questionnaire, when owed and not yet sent, in Evaluate (see the header). */
function questionnaireEntry (a: AccountSnapshot, today: IsoDate): { note: string } | undefined {
  if (a.stage !== 'evaluate') return undefined
  if (taskProgress(resolveTask('evaluate.questionnaire-sent'), a, today).status !== 'open') return undefined
  return { note: `${questionnaireDuty(a.profile, today).reason}: customise it and send it (pat export ${a.id} --template questionnaire)` }
}

type AddDue = (rule: DueRule, date: IsoDate, title: string, extra?: Partial<DueEntry>) => void

/** An account's CIP entries: each CIP's conditional period and target date. */
function cipDue (a: AccountSnapshot, today: IsoDate, add: AddDue): void {
  for (const cip of a.cips ?? []) {
    const name = String(cip.deficiency ?? 'CIP')
    const extensions = Array.isArray(cip.extensions) ? (cip.extensions as Array<{ until?: unknown, reason?: unknown }>) : []
    const valid = extensions.filter(e => isDateString(e.until)) as Array<{ until: IsoDate, reason?: unknown }>
    const end = isDateString(cip.conditionalPeriodEnd) ? cip.conditionalPeriodEnd : conditionalPeriodEnd(isDateString(cip.reportDate) ? cip.reportDate : undefined, valid)
    const open = isOpenCip(cip)
    if (end && (open || (cip.status === 'implemented' && compareDates(end, today) >= 0))) {
      const last = valid.find(e => e.until === end)
      const note = last ? `extended until ${end}${typeof last.reason === 'string' && last.reason ? `: ${last.reason}` : ''}` : undefined
      add('cip-conditional-period', end, `CIP conditional period ends: ${name}`, {
        ref: cip.id as string, ...(isDateString(cip.reportDate) ? { since: cip.reportDate } : {}), ...(note ? { note } : {})
      })
    }
    // Each step has its own target date (CIP framework, Target Dates): the earliest open one is next.
    const next = nextStepTarget(Array.isArray(cip.steps) ? cip.steps : [])
    if (open && next && isDateString(next.date)) add('cip-target', next.date, `CIP target date: ${name}, step ${next.n}`, { ref: cip.id as string, note: next.action })
  }
}

/** Every due entry of one account, unsorted. */
export function accountDue (a: AccountSnapshot, today: IsoDate): DueEntry[] {
  const out: DueEntry[] = []
  const add = (rule: DueRule, date: IsoDate, title: string, extra: Partial<DueEntry> = {}) => {
    const days = daysBetween(today, date)
    out.push({
      date,
      accountId: a.id,
      accountName: a.name,
      rule,
      ruleText: DUE_RULE_INFO[rule].text,
      kind: DUE_RULE_INFO[rule].kind,
      title,
      overdue: days < 0,
      daysLeft: days,
      ...extra
    })
  }
  const dueNow = (rule: DueRule, title: string, note: string) => add(rule, today, title, { note })

  // Profile review, every 2 years.
  const profileLast = latestDate(a.profile.profileReviewed, ...reviewDates(a, 'profile', today))
  if (profileLast) add('profile-review', addYears(profileLast, 2), 'Account profile review', { since: profileLast })
  else if (stageAtLeast(a.stage, 'evaluate')) dueNow('profile-review', 'Account profile review', 'no profile review recorded: due now')

  // Action plan review with the account, annually — once there is a plan; from Improve on, a missing plan.
  const planLast = latestDate(a.plan?.reviewed, a.plan?.planDate, ...reviewDates(a, 'plan', today))
  if (planLast) add('plan-review', addYears(planLast, 1), 'Annual action plan review with the account', { since: planLast })
  else if (stageAtLeast(a.stage, 'improve')) dueNow('plan-missing', 'No action plan yet', `no plan date recorded: record it with pat plan info ${a.id} --plan-date DATE`)

  const questionnaire = questionnaireEntry(a, today)
  if (questionnaire) dueNow('questionnaire', 'Questionnaire to customise and send', questionnaire.note)

  // Quarterly activity review of a compliant account.
  if (isCompliantAccount(a)) {
    const activityLast = latestDate(...reviewDates(a, 'activity', today))
    if (activityLast) add('activity-review', addMonths(activityLast, 3), 'Quarterly review of account activity', { since: activityLast })
    else dueNow('activity-review', 'Quarterly review of account activity', 'no activity review recorded: due now')
  }

  // CIPs: the conditional period and the target date.
  cipDue(a, today, add)

  // A change of the account definition OST has not heard of.
  const { changed, pending } = ostNotice(a.profile)
  if (changed && pending) {
    const deadline = nextOstDeadline(changed)
    const missed = compareDates(deadline, today) < 0
    add('ost-definition', deadline, 'Notify OST of the account-definition change', {
      since: changed, ...(missed ? { note: `deadline missed: notify OST by ${nextOstDeadline(today)} for the next quarterly release` } : {})
    })
  }

  // Project list items.
  for (const item of a.plan?.items ?? []) {
    if (!isOpenItem(item) || !isDateString(item.due)) continue
    const priority = PRIORITY_LABELS[item.priority as Priority]
    const who = typeof item.owner === 'string' && item.owner ? item.owner : 'no responsible party'
    add('plan-item', item.due, `Plan item: ${String(item.title)}`, { ref: item.id as string, note: [priority ? `${priority} priority` : '', who].filter(Boolean).join(', ') })
  }
  return out
}

/**
 * What `accountDue` reads of an account beyond its header (id, name, stage, kind, archived, which the account
 * directory holds): the profile's review, assessment and OST dates, the plan's review dates and its open items,
 * the review events, the CIPs and the questionnaire task's mark. The store keeps it per account beside the
 * account summaries (store/summary-cache.ts), so `pat due` reads no account document; an account made of its
 * header and this gives the same entries as the whole account, on any day (test/domain/cadence.test.ts).
 */
export interface DueInput {
  readonly profile: AccountSnapshot['profile']
  readonly plan?: NonNullable<AccountSnapshot['plan']>
  readonly events?: NonNullable<AccountSnapshot['events']>
  readonly cips?: NonNullable<AccountSnapshot['cips']>
  readonly tasks?: NonNullable<AccountSnapshot['tasks']>
}

/** The header fields `accountDue` reads; the rest is its DueInput. */
export type DueHeader = Pick<AccountSnapshot, 'id' | 'name' | 'stage' | 'kind' | 'archived'>

/** Only the keys named, and only those with a value (so the object survives JSON unchanged). */
function pick<T extends object, K extends keyof T> (o: T, keys: readonly K[]): Pick<T, K> {
  const out: Partial<Pick<T, K>> = {}
  for (const k of keys) if (o[k] !== undefined) out[k] = o[k]
  return out as Pick<T, K>
}

/** The part of an account `accountDue` reads beyond its header (see DueInput). */
export function dueInput (a: AccountSnapshot): DueInput {
  const mark = a.tasks?.['evaluate.questionnaire-sent']
  return {
    profile: pick(a.profile, ['profileReviewed', 'assessment', 'assessmentDate', 'definitionChanged', 'ostNotified']),
    ...(a.plan
      ? { plan: { ...pick(a.plan, ['reviewed', 'planDate']), items: (a.plan.items ?? []).filter(isOpenItem).map(i => pick(i, ['id', 'title', 'status', 'due', 'priority', 'owner'])) } }
      : {}),
    events: (a.events ?? []).filter(e => e.type === 'review').map(e => pick(e, ['type', 'subject', 'date'])),
    cips: (a.cips ?? []).map(c => ({
      ...pick(c, ['id', 'deficiency', 'status', 'reportDate', 'conditionalPeriodEnd']),
      ...(Array.isArray(c.extensions) ? { extensions: c.extensions.map(e => pick(e, ['until', 'reason'])) } : {}),
      ...(Array.isArray(c.steps) ? { steps: c.steps } : {})
    })),
    ...(mark ? { tasks: { 'evaluate.questionnaire-sent': mark } } : {})
  }
}

/** The account `accountDue` needs, from its header and its DueInput. */
export const dueAccount = (h: DueHeader, input: DueInput): AccountSnapshot => ({
  id: h.id, name: h.name, stage: h.stage, ...(h.kind ? { kind: h.kind } : {}), ...(h.archived !== undefined ? { archived: h.archived } : {}), ...input
})

/** The workspace-wide OST deadline entry. */
export function ostDeadlineEntry (today: IsoDate): DueEntry {
  const date = nextOstDeadline(today)
  const days = daysBetween(today, date)
  return {
    date,
    accountId: null,
    accountName: null,
    rule: 'ost-deadline',
    ruleText: DUE_RULE_INFO['ost-deadline'].text,
    kind: 'deadline',
    title: 'OST deadline for account-definition changes',
    overdue: false,
    daysLeft: days
  }
}

/** Soonest first; ties by account name (workspace entries first), rule, title and ref, so output is stable. */
export function sortDue (entries: readonly DueEntry[]): DueEntry[] {
  // Each date is read once, not at every comparison (70,000 entries at 10,000 accounts: issue 21).
  const keyed = entries.map(e => ({ e, day: daysBetween(EPOCH, e.date) }))
  keyed.sort(({ e: a, day: x }, { e: b, day: y }) =>
    x - y ||
    (a.accountName ?? '').localeCompare(b.accountName ?? '') || (a.accountId ?? '').localeCompare(b.accountId ?? '') ||
    DUE_RULES.indexOf(a.rule) - DUE_RULES.indexOf(b.rule) || a.title.localeCompare(b.title) || (a.ref ?? '').localeCompare(b.ref ?? ''))
  return keyed.map(k => k.e)
}
const EPOCH = '1970-01-01'

export interface DueOptions {
  /** Only entries due within this many days of today (overdue ones are always kept). */
  withinDays?: number
  /** Add the workspace-wide OST deadline (default: when there is at least one active account). */
  workspaceWide?: boolean
}

/** The due-date dashboard: every active account's entries (and the OST deadline), soonest first. */
export function dueEntries (accounts: readonly AccountSnapshot[], today: IsoDate, opts: DueOptions = {}): DueEntry[] {
  const active = accounts.filter(a => !a.archived)
  const all = active.flatMap(a => accountDue(a, today))
  if (opts.workspaceWide ?? active.length > 0) all.push(ostDeadlineEntry(today))
  const limit = opts.withinDays === undefined ? undefined : addDays(today, opts.withinDays)
  return sortDue(limit === undefined ? all : all.filter(e => compareDates(e.date, limit) <= 0))
}

/** The longest period in each unit: 100 years. */
const PERIOD_MAX: Readonly<Record<string, number>> = { d: 36_525, w: 5_217, m: 1_200, y: 100 }

/** Parses a period like `30d`, `6w`, `3m`, `1y` or `30` (days) into days from `today` (months/years by the calendar). */
export function parsePeriod (text: string, today: IsoDate): number {
  const m = /^\s*(\d+)\s*([dwmy]?)\s*$/i.exec(text)
  if (!m) throw new InputError(`invalid period "${text}": write it like 30d, 6w, 3m or 1y`, 'within')
  const n = Number(m[1])
  const unit = (m[2] || 'd').toLowerCase()
  // A longer period reaches past what the calendar arithmetic takes (and past any date the SOP sets).
  if (n > PERIOD_MAX[unit]!) throw new InputError(`the period "${text.trim()}" is too long: at most 100 years (100y, 1200m, 5217w or 36525d)`, 'within')
  switch (unit) {
    case 'w': return n * 7
    case 'm': return daysBetween(today, addMonths(today, n))
    case 'y': return daysBetween(today, addYears(today, n))
    default: return n
  }
}
