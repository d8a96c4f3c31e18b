/**
 * The whole account as one plain, read-only value: the directory header, the profile, every collection
 * (locations, related companies, contacts, ports, plan items and approvals, CIPs, events), the checklist
 * and the lifecycle marks. The store's reader returns exactly this (`pat account show --json` prints it);
 * the rules, the CLI's views, the documents and the app's screens take it as it is.
 */
import type { AccountHeader, AccountPort, AccountProfile, RelatedCompany } from './account.js'
import type { Location } from './location.js'
import type { ChecklistRow } from './checklist.js'
import type { Cip } from './cip.js'
import type { Contact } from './contact.js'
import type { AccountEvent } from './events.js'
import type { TaskMark } from './lifecycle.js'
import type { ActionPlan } from './plan.js'

export type AccountRecord = AccountHeader & {
  readonly profile: AccountProfile
  readonly locations: readonly Location[]
  readonly related: readonly RelatedCompany[]
  /** Grouped by side (Customs network, account, agencies), each group by name. */
  readonly contacts: readonly Contact[]
  /** Compliance A–K, Business A–H, then the requested items, answered or not. */
  readonly checklist: readonly ChecklistRow[]
  readonly plan: ActionPlan
  readonly cips: readonly Cip[]
  /** By date, then id. */
  readonly events: readonly AccountEvent[]
  /** By rank, then share (largest first), then name and id. */
  readonly ports: readonly AccountPort[]
  /** The lifecycle tasks members marked: task id → mark, keys sorted. */
  readonly tasks: Readonly<Record<string, TaskMark>>
}
