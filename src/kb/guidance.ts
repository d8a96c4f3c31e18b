/**
 * Guidance next to the work: every lifecycle task, checklist item and due rule names the SOP passage that
 * asks for it, by a phrase quoted from that passage (so the link survives re-splitting sections into parts
 * and renamed ids). `g` in the app and `pat show --for TASK|ITEM|RULE` open the passage.
 */
import { CHECKLIST_ITEMS } from '../domain/checklist.js'
import { DUE_RULES } from '../domain/cadence.js'
import { TASKS } from '../domain/lifecycle.js'
import type { KbIndex, Section } from './types.js'

/** key (task id, checklist key like `compliance.B`, or due rule) → a phrase of the passage that asks for it. */
export const GUIDANCE: Readonly<Record<string, string>> = {
  // lifecycle tasks
  'select.criteria': 'To be selected for a port account, the company must meet the following criteria',
  'select.concurrence': 'reach agreement that your port should be the lead port',
  'select.ca-schedule': 'Check to see if your account has had a CA or is scheduled for one',
  'select.clearance': 'you must notify the NASC and wait for OI clearance',
  'select.team': 'Select a team leader/primary point of contact for the account',
  'establish.iors': "the account's corporate structure and all IR#s previously known to Customs",
  'establish.iors-confirmed': 'When you have reached a consensus on the account definition and the associated IR#s',
  'establish.first-meeting': 'prepares an introductory letter for the account',
  'establish.structure': 'Contact the account to determine the corporate structure',
  'establish.categories': 'Identify the business role(s) the account has with Customs',
  'establish.locations': 'Identify the various locations and the reasons for their existence',
  'establish.related': 'Determine the relationships between the account and other entities',
  'establish.poc': 'Determine the primary account POC',
  'establish.ost': 'notify OST by the following dates',
  'evaluate.profile': 'Review account profile at least every 2 years',
  'evaluate.network': 'Create a Customs network via cc:Mail',
  'evaluate.questionnaire-sent': 'customize the questionnaire provided in the Evaluation Guide and send it to the account',
  'evaluate.questionnaire-returned': 'explain the purpose of the questionnaire',
  'evaluate.interviews': 'Interview the account to gather additional information',
  'improve.checklist': 'box should be checked and a statement of explanation provided',
  'improve.background': 'Provide a brief description (one or two paragraphs) of the account including name of company',
  'improve.scope': 'Provide a general description (one or two paragraphs) of the compliance objectives',
  'improve.projects': 'the goals for the project, the responsible party, and due date',
  'improve.draft-comments': 'A draft of the Plan should be sent for comments',
  'improve.approvals': 'the final version of the Plan should be approved by the account, the Port Account Team, and the TCPO',
  'improve.distributed': 'should forward a copy to the affected ports, the NASC',
  'manage.implement': 'Coordinate the implementation of the account action plan with Customs and the account',
  'manage.cip': 'monitor the progress of issues raised in the Compliance Improvement Plan to ensure implementation',
  'manage.network': 'Request information regarding problems or issues from the affected ports',
  // checklist items: where the documents speak of the item's subject
  'compliance.A': 'The NIS can assist in resolving classification disputes',
  'compliance.B': 'full invoiced value for imported merchandise',
  'compliance.C': 'obtaining and paying for quota, visa, and licenses',
  'compliance.D': 'AD / CVD analysis',
  'compliance.E': 'quantity verification',
  'compliance.F': 'The North American Free Trade Agreement (NAFTA)',
  'compliance.G': 'likely admissibility issues',
  'compliance.H': 'Customs invoice numbers',
  'compliance.I': 'use the same internal controls, policies and procedures, recordkeeping policies',
  'compliance.J': 'OGA requirements',
  'compliance.K': 'The Account Manager/Port Account Team and account may add items',
  'business.A': 'ABI Client Rep',
  'business.B': 'drawback, ACH',
  'business.C': 'account preferences (remote filing, use of reconciliation, etc.)',
  'business.D': 'the account may be interested in reconciliation',
  'business.E': 'manifests, and/or other transactions',
  'business.F': 'These companies are usually identified through the Import Declaration (CF 3461 or CF 7501)',
  'business.G': 'These include programs such as prior disclosure, reconciliation, remote filing',
  'business.H': 'The two main areas of focus are Compliance and Business Items',
  // due rules
  'profile-review': 'Review account profile at least every 2 years',
  'plan-review': 'Plans will be reviewed with the account at least annually',
  'plan-missing': 'Work with account to develop account action plan',
  questionnaire: 'is not scheduled to begin soon',
  'activity-review': "review account's latest data in the Account Activity Program each quarter",
  'cip-conditional-period': 'Companies will be given a conditional period of six months',
  'cip-target': 'A target date should be established for each action step',
  'ost-definition': 'notify OST by the following dates',
  'ost-deadline': 'Meeting these deadlines will enable OST',
  'plan-item': 'the goals for the project, the responsible party, and due date'
}

const flat = (s: string) => s.replace(/[*_`\\]/g, '').replace(/[’‘]/g, "'").replace(/\s+/g, ' ').toLowerCase()

/** Every key that has guidance: the lifecycle tasks, the checklist items and the due rules. */
export function guidanceKeys (): string[] {
  return [...TASKS.map(t => t.id), ...CHECKLIST_ITEMS.map(i => i.key), ...DUE_RULES]
}

/** What a key is, in words: a task's label, a checklist item's label, a due rule's name. */
export function guidanceLabel (key: string): string {
  return TASKS.find(t => t.id === key)?.label ?? CHECKLIST_ITEMS.find(i => i.key === key)?.label ?? key.replace(/-/g, ' ')
}

export interface Guidance { key: string, label: string, quote: string, section: Section }

/** The passage (the part of a long section) holding the key's quoted phrase, or undefined. */
export function guidanceFor (idx: KbIndex, key: string): Guidance | undefined {
  const quote = GUIDANCE[key]
  if (!quote) return undefined
  const q = flat(quote)
  const section = idx.sections.find(s => !s.local && flat(s.text).includes(q))
  return section && { key, label: guidanceLabel(key), quote, section }
}
