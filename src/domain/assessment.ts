/**
 * The Compliance Assessment and what it spares the team (SOP, Evaluate the Account). The SOP: "This
 * questionnaire should be sent to the account if a compliance assessment has not been conducted or is not
 * scheduled to begin soon", and in the overview "The following steps are taken only if your account is not
 * scheduled for a CA". PAT Desk reads the "or" as "neither … nor": the questionnaire is owed unless a CA
 * was conducted or is scheduled to begin soon, and "soon" is within CA_SOON_MONTHS (6) months of today —
 * a CA whose scheduled start is past but not recorded as conducted still counts as soon. A CA recorded as
 * scheduled without a date cannot be known to be soon, so the questionnaire stays owed (and says why).
 */
import { addMonths, compareDates, type IsoDate } from './dates.js'
import type { AccountProfile } from './account.js'

export const ASSESSMENT_STATUSES = ['scheduled', 'conducted'] as const
export type AssessmentStatus = typeof ASSESSMENT_STATUSES[number]
export const ASSESSMENT_LABELS: Record<AssessmentStatus, string> = { scheduled: 'Scheduled', conducted: 'Conducted' }

/** How far ahead a scheduled CA counts as "scheduled to begin soon". */
export const CA_SOON_MONTHS = 6

export interface QuestionnaireDuty {
  owed: boolean
  /** Why not, or why still (a scheduled CA too far off, a CA without a date). */
  reason: string
}

const isDate = (v: unknown): v is IsoDate => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)

/** Whether the questionnaire is owed, from the recorded Compliance Assessment (`assessment`, `assessmentDate`). */
export function questionnaireDuty (profile: Pick<AccountProfile, 'assessment' | 'assessmentDate'>, today: IsoDate): QuestionnaireDuty {
  const date = isDate(profile.assessmentDate) ? profile.assessmentDate : undefined
  if (profile.assessment === 'conducted') {
    return { owed: false, reason: `a Compliance Assessment was conducted${date ? ` (${date})` : ''}` }
  }
  if (profile.assessment === 'scheduled') {
    if (!date) return { owed: true, reason: 'a Compliance Assessment is scheduled but its date is not recorded' }
    const horizon = addMonths(today, CA_SOON_MONTHS)
    return compareDates(date, horizon) <= 0
      ? { owed: false, reason: `a Compliance Assessment is scheduled to begin ${date} (within ${CA_SOON_MONTHS} months)` }
      : { owed: true, reason: `the Compliance Assessment scheduled for ${date} is more than ${CA_SOON_MONTHS} months away` }
  }
  return { owed: true, reason: 'no Compliance Assessment conducted or scheduled' }
}
