/**
 * The account lifecycle (SOP, "The Process"): Select → Establish → Evaluate → Improve → Manage, each stage
 * with the SOP's tasks as a per-account progress list. A task is done when the recorded data shows it (IR#s
 * present, corporate structure written, locations, related companies, contacts on each side, interviews…)
 * or when a member marked it done — the only way for what no data can show ("IR#s confirmed with the
 * account", "questionnaire sent"). A task that restates a rule asks that rule (eligibility.ts, ost.ts,
 * assessment.ts, completeness.ts) rather than computing it again, so `pat account check`, `pat due`, the
 * export and `pat stage` never disagree. A task the SOP does not ask of this account (the questionnaire
 * when a Compliance Assessment was conducted or begins soon) is n/a. `openTasksBefore` lists what is still
 * open so the caller can warn; the one move the SOP forbids is stage-gate.ts's.
 *
 * Everything here works on `AccountSnapshot`: the store's `AccountRecord` (which is one) with what the rules
 * do not need left optional, so tests can build one by hand.
 */
import { CHECKLIST_ITEMS } from './checklist.js'
import { InputError } from './errors.js'
import { STAGES, STAGE_LABELS, type AccountKind, type AccountPort, type RelatedCompany, type Stage } from './account.js'
import type { Location } from './location.js'
import type { ChecklistRow } from './checklist.js'
import type { Cip, CipExtension } from './cip.js'
import type { Contact } from './contact.js'
import { checkEligibility } from './eligibility.js'
import { questionnaireDuty } from './assessment.js'
import { checklistFinding, matchApprovals, planTextGaps, projectListGaps } from './completeness.js'
import { today as todayDate, type IsoDate } from './dates.js'
import { ostNotice } from './ost.js'
import { heldDates, type AccountEvent } from './events.js'
import { isOpen, type Approval, type PlanFields, type PlanItem } from './plan.js'
import type { AccountRecord } from './record.js'

/** A member's explicit mark on a task, stored as one value (task id → mark). */
export type TaskMark = { readonly done: boolean, readonly by: string, readonly at: string, readonly note?: string }

/**
 * The account the lifecycle, cadence and eligibility rules read: an `AccountRecord` is one. Beyond id, name,
 * stage and profile everything is optional, and so is every field of an entity, so that a test builds only
 * what a rule reads — the rules test each value before they use it, as a peer's data may lack it too.
 */
export type AccountSnapshot = Pick<AccountRecord, 'id' | 'name' | 'stage' | 'profile'> &
  Partial<Pick<AccountRecord, 'kind' | 'leadPort' | 'iors' | 'archived' | 'tasks'>> & {
    readonly locations?: readonly Partial<Location>[]
    readonly related?: readonly Partial<RelatedCompany>[]
    readonly contacts?: readonly Partial<Contact>[]
    readonly checklist?: ReadonlyArray<Pick<ChecklistRow, 'key' | 'area' | 'answer'> & Partial<ChecklistRow>>
    readonly plan?: PlanFields & { readonly items?: readonly Partial<PlanItem>[], readonly approvals?: readonly Partial<Approval>[] }
    readonly cips?: ReadonlyArray<Partial<Omit<Cip, 'extensions'>> & { readonly extensions?: readonly Partial<CipExtension>[] }>
    readonly events?: readonly Partial<AccountEvent>[]
    readonly ports?: readonly Partial<AccountPort>[]
  }

export type TaskStatus = 'done' | 'open' | 'na'

export interface TaskDef {
  id: string
  stage: Stage
  label: string
  /** What the SOP says, for help text. */
  hint: string
  /** Only for this kind of account (e.g. partner-port concurrence is for Port Account Teams only). */
  appliesTo?: AccountKind
  /** Reads the recorded data as of `today`: a detail string when the data shows the task done, else undefined. */
  derive?: (a: AccountSnapshot, today: IsoDate) => string | undefined
  /** Why the SOP does not ask this task of this account (then it is n/a), else undefined. */
  notOwed?: (a: AccountSnapshot, today: IsoDate) => string | undefined
}

export interface TaskProgress {
  id: string
  stage: Stage
  label: string
  status: TaskStatus
  /** 'marked' = a member marked it; 'data' = the recorded data shows it; 'none' = still open. */
  source: 'marked' | 'data' | 'none'
  detail?: string
  by?: string
  at?: string
  /** Whether a member can mark it (tasks shown by data alone are changed by changing the data). */
  markable: boolean
}

export interface StageProgress {
  stage: Stage
  label: string
  current: boolean
  done: number
  total: number
  tasks: TaskProgress[]
}

const str = (v: unknown): string => (typeof v === 'string' ? v.trim() : '')
const count = (list: readonly unknown[] | undefined, what: string): string | undefined =>
  list && list.length ? `${list.length} ${what}${list.length === 1 ? '' : 's'} recorded` : undefined
const withSide = (a: AccountSnapshot, side: string) => (a.contacts ?? []).filter(c => c.side === side)

/** Compliance/Business checklist items answered, each No/NA with its reason (completeness.ts's finding). */
function checklistDone (a: AccountSnapshot): string | undefined {
  const rows = (a.checklist ?? []).filter(r => r.area === 'compliance' || r.area === 'business')
  const answered = rows.filter(r => {
    const finding = checklistFinding({ name: str(r.name), answer: r.answer, reason: str(r.reason) }, new Set())
    return finding !== 'unanswered' && finding !== 'no-reason'
  })
  return answered.length === CHECKLIST_ITEMS.length ? `all ${CHECKLIST_ITEMS.length} items answered` : undefined
}

/** A criterion of the selection check (eligibility.ts) as a task: done when it passes. */
function criterionPasses (a: AccountSnapshot, id: string): string | undefined {
  const c = checkEligibility(a, 'port').criteria.find(x => x.id === id)
  return c?.status === 'pass' ? c.detail : undefined
}

/** The questionnaire tasks: not owed when a Compliance Assessment was conducted or begins soon (assessment.ts). */
function questionnaireNotOwed (a: AccountSnapshot, today: IsoDate): string | undefined {
  const duty = questionnaireDuty(a.profile, today)
  return duty.owed ? undefined : `not owed: ${duty.reason}`
}

/** The approvals the SOP asks for: the account and the Account Manager, or the account, the team and the TCPO. */
export function requiredApprovals (kind: AccountKind | undefined): string[] {
  return kind === 'national' ? ['Account', 'Account Manager'] : ['Account', 'Port Account Team', 'TCPO']
}

/** A project item still to do: plan.ts's rule, under the name the lifecycle and cadence use. */
export const isOpenItem = isOpen
export const OPEN_CIP_STATUSES = ['draft', 'submitted', 'implementing'] as const
export const isOpenCip = (c: Pick<Partial<Cip>, 'status'>): boolean => c.status === undefined || (OPEN_CIP_STATUSES as readonly unknown[]).includes(c.status)

export const TASKS: readonly TaskDef[] = [
  // Select (Port Account Teams; full-time Account Managers are selected by the NASC)
  {
    id: 'select.criteria',
    stage: 'select',
    label: 'Selection criteria met (value, top 379, top-5 port with 15%+)',
    hint: 'pat account check ACCOUNT evaluates them against the recorded data',
    derive: a => (checkEligibility(a).result === 'pass' ? 'every selection criterion passes on the recorded data' : undefined)
  },
  {
    id: 'select.concurrence',
    stage: 'select',
    label: 'Concurrence from the other top-5 ports with 15% or more',
    hint: 'contact the TCPO of each such port and agree that your port leads',
    appliesTo: 'port',
    // The selection check's own criterion: a port not recorded may be one that must agree (issue 17).
    derive: a => criterionPasses(a, 'concurrence')
  },
  {
    id: 'select.ca-schedule',
    stage: 'select',
    label: 'Compliance Assessment schedule checked',
    hint: 'if a CA is scheduled, coordinate with the CAT leader; record it with pat account set ACCOUNT --assessment scheduled|conducted --assessment-date DATE',
    derive: a => {
      const status = a.profile.assessment
      if (status !== 'scheduled' && status !== 'conducted') return undefined
      return `Compliance Assessment ${status}${str(a.profile.assessmentDate) ? ` ${str(a.profile.assessmentDate)}` : ''}`
    }
  },
  { id: 'select.clearance', stage: 'select', label: 'NASC notified and OI clearance received', hint: 'wait for OI clearance before beginning work' },
  { id: 'select.team', stage: 'select', label: 'Team assembled, team leader / primary point of contact chosen', hint: 'look beyond current commodity specialist teams' },
  // Establish
  { id: 'establish.iors', stage: 'establish', label: 'IR#s identified', hint: 'all IR#s previously known to Customs', derive: a => count(a.iors, 'IR#') },
  { id: 'establish.iors-confirmed', stage: 'establish', label: 'IR#s confirmed with the account', hint: 'agree the account definition and the IR#s with the account' },
  {
    id: 'establish.first-meeting',
    stage: 'establish',
    label: 'Introductory letter sent and first meeting held',
    hint: 'letter signed by the TCPO or Port Director; follow-up call; first meeting',
    // A meeting dated later is planned, not held (events.ts, the rule the cadence asks too).
    derive: (a, today) => { const [first] = heldDates(a.events, 'meeting', today); return first ? `meeting on ${first}` : undefined }
  },
  {
    id: 'establish.structure',
    stage: 'establish',
    label: 'Corporate structure determined',
    hint: 'one account or separate accounts; same systems, one account',
    derive: a => (str(a.profile.structure) ? 'corporate structure recorded' : undefined)
  },
  {
    id: 'establish.categories',
    stage: 'establish',
    label: 'Business categories identified',
    hint: 'importer, bonded warehouse operator, manufacturer…',
    derive: a => count(Array.isArray(a.profile.categories) ? a.profile.categories : [], 'category')
  },
  { id: 'establish.locations', stage: 'establish', label: 'Locations identified', hint: 'headquarters, records, distribution centres, plants…', derive: a => count(a.locations, 'location') },
  { id: 'establish.related', stage: 'establish', label: 'Related companies determined (Types One–Four)', hint: 'brokers, forwarders, manufacturers, other agencies', derive: a => count(a.related, 'related company') },
  { id: 'establish.poc', stage: 'establish', label: 'Points of contact established', hint: 'the primary POC with authority to speak for the account', derive: a => count(withSide(a, 'account'), 'account contact') },
  {
    id: 'establish.ost',
    stage: 'establish',
    label: 'Account definition sent to OST',
    hint: 'by Mar 15, Jun 15, Sep 15 or Dec 15 for the next quarterly release',
    derive: a => {
      const notice = ostNotice(a.profile)
      return notice.notified && !notice.pending ? `OST notified ${notice.notified}` : undefined
    }
  },
  // Evaluate
  {
    id: 'evaluate.profile',
    stage: 'evaluate',
    label: 'Account profile created or obtained',
    hint: 'from OAS, or the STC/ITM if a CA is scheduled',
    derive: (a, today) => (str(a.profile.profileReviewed) ? `profile reviewed ${str(a.profile.profileReviewed)}` : heldDates(a.events, 'review', today, 'profile').length ? 'profile review recorded' : undefined)
  },
  { id: 'evaluate.network', stage: 'evaluate', label: 'Customs network set up', hint: 'CAT leader, FNIS, import specialists at key ports, IAS, ITS…', derive: a => count(withSide(a, 'customs'), 'Customs contact') },
  { id: 'evaluate.questionnaire-sent', stage: 'evaluate', label: 'Questionnaire customised and sent', hint: 'pat export ACCOUNT --template questionnaire', notOwed: questionnaireNotOwed },
  { id: 'evaluate.questionnaire-returned', stage: 'evaluate', label: 'Questionnaire returned by the account', hint: 'walk the account through the questionnaire', notOwed: questionnaireNotOwed },
  { id: 'evaluate.interviews', stage: 'evaluate', label: 'Interviews with the account held', hint: 'record them as events of type interview', derive: (a, today) => count(heldDates(a.events, 'interview', today), 'interview') },
  // Improve
  { id: 'improve.checklist', stage: 'improve', label: 'Checklist screened (Compliance A–K, Business A–H)', hint: 'each item Yes or No/NA with a reason', derive: checklistDone },
  { id: 'improve.background', stage: 'improve', label: 'Account background & structure written', hint: 'pat plan info ACCOUNT --background …', derive: a => (a.plan && !planTextGaps(a.plan).some(g => g.startsWith('account background')) ? 'background recorded' : undefined) },
  { id: 'improve.scope', stage: 'improve', label: 'Scope of plan written', hint: 'pat plan info ACCOUNT --scope …', derive: a => (a.plan && !planTextGaps(a.plan).some(g => g.startsWith('scope')) ? 'scope recorded' : undefined) },
  {
    id: 'improve.projects',
    stage: 'improve',
    label: 'Project list with a responsible party and due date for each item',
    hint: 'pat plan add ACCOUNT …',
    derive: a => {
      const items = a.plan?.items ?? []
      return projectListGaps(items).length === 0 ? count(items.filter(i => i.status !== 'dropped'), 'project item') : undefined
    }
  },
  { id: 'improve.draft-comments', stage: 'improve', label: 'Draft sent for comments (other ports, NISs, ITMs)', hint: 'incorporate the comments received' },
  {
    id: 'improve.approvals',
    stage: 'improve',
    label: 'Plan approved',
    hint: 'by the account and the Account Manager, or the account, the team and the TCPO',
    // The approvals the export checks: each required one given by its role, not merely as many as required.
    derive: a => {
      const match = matchApprovals(a.plan?.approvals ?? [], a.kind)
      return match.required.every(r => r.approval) ? `approved by ${match.required.map(r => r.slot).join(', ')}` : undefined
    }
  },
  { id: 'improve.distributed', stage: 'improve', label: 'Final plan forwarded (affected ports, NASC, OST ITO if PFI)', hint: 'and the Director of Strategic OAS if it includes special exams' },
  // Manage
  {
    id: 'manage.implement',
    stage: 'manage',
    label: 'Action plan items implemented',
    hint: 'follow up with those assigned each task',
    derive: a => {
      const items = (a.plan?.items ?? []).filter(i => i.status !== 'dropped')
      return items.length && !items.some(isOpenItem) ? 'no open project items' : undefined
    }
  },
  {
    id: 'manage.cip',
    stage: 'manage',
    label: 'Compliance Improvement Plans implemented',
    hint: 'monitor the CIP to ensure implementation',
    derive: a => ((a.cips ?? []).length && !(a.cips ?? []).some(isOpenCip) ? 'no open CIP' : undefined)
  },
  { id: 'manage.network', stage: 'manage', label: 'Customs network kept informed of results', hint: 'share analysis, resolutions and plans with the network' }
]

export function tasksOf (stage: Stage, kind?: AccountKind): TaskDef[] {
  return TASKS.filter(t => t.stage === stage && (t.appliesTo === undefined || kind === undefined || t.appliesTo === kind))
}

/**
 * The progress of one task for an account: a member's mark wins, else n/a when the SOP does not ask it of
 * this account (as of `today`), else what the data shows.
 */
export function taskProgress (def: TaskDef, a: AccountSnapshot, today: IsoDate = todayDate()): TaskProgress {
  const base = { id: def.id, stage: def.stage, label: def.label, markable: true }
  if (def.appliesTo && a.kind && def.appliesTo !== a.kind) return { ...base, status: 'na', source: 'none', detail: `only for ${def.appliesTo === 'port' ? 'Port Account Teams' : 'full-time Account Managers'}`, markable: false }
  const mark = a.tasks?.[def.id]
  if (mark?.done) return { ...base, status: 'done', source: 'marked', by: mark.by, at: mark.at, ...(mark.note ? { detail: mark.note } : {}) }
  const spared = def.notOwed?.(a, today)
  if (spared !== undefined) return { ...base, status: 'na', source: 'data', detail: spared }
  const detail = def.derive?.(a, today)
  if (detail !== undefined) return { ...base, status: 'done', source: 'data', detail }
  return { ...base, status: 'open', source: 'none' }
}

/** Every stage's task list for the account, in SOP order, with the current stage flagged. */
export function lifecycleProgress (a: AccountSnapshot, today: IsoDate = todayDate()): StageProgress[] {
  return STAGES.map(stage => {
    const tasks = TASKS.filter(t => t.stage === stage).map(t => taskProgress(t, a, today))
    const counted = tasks.filter(t => t.status !== 'na')
    return { stage, label: STAGE_LABELS[stage], current: stage === a.stage, done: counted.filter(t => t.status === 'done').length, total: counted.length, tasks }
  })
}

/**
 * The tasks still open in the stages an account leaves when it moves from its current stage to `target`
 * (the current stage and any it skips). Moving back leaves nothing open behind: an empty list.
 */
export function openTasksBefore (a: AccountSnapshot, target: Stage, today: IsoDate = todayDate()): TaskProgress[] {
  const from = STAGES.indexOf(a.stage)
  const to = STAGES.indexOf(target)
  return lifecycleProgress(a, today).filter((_, i) => i >= from && i < to).flatMap(s => s.tasks.filter(t => t.status === 'open'))
}

/** Resolves a task name: its id (`establish.iors-confirmed`) or the part after the dot when unique. */
export function resolveTask (name: string): TaskDef {
  const want = name.trim().toLowerCase()
  const exact = TASKS.find(t => t.id === want)
  if (exact) return exact
  const found = TASKS.filter(t => t.id.split('.')[1] === want)
  if (found.length > 1) throw new InputError(`task "${name}" is in several stages (${found.map(t => t.id).join(', ')}): give the full id`, 'task')
  const hit = found[0]
  if (!hit) {
    throw new InputError(`unknown task "${name}": see \`pat stage ACCOUNT\` for the task ids (e.g. establish.iors-confirmed)`, 'task')
  }
  return hit
}

/** Parses a stage name (or its label, or its number 1–5). */
export function parseStage (name: string): Stage {
  const want = name.trim().toLowerCase()
  const n = Number(want)
  const hit = STAGES.find(s => s === want) ?? (Number.isInteger(n) && n >= 1 && n <= STAGES.length ? STAGES[n - 1] : undefined)
  if (!hit) throw new InputError(`unknown stage "${name}": use one of ${STAGES.join(', ')}`, 'stage')
  return hit
}

/** The stage after this one, or undefined at Manage (account designation is permanent). */
export function nextStage (stage: Stage): Stage | undefined {
  return STAGES[STAGES.indexOf(stage) + 1]
}
