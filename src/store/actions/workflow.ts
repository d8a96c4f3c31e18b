/**
 * The SOP workflow read from the workspace: what falls due (reviews, CIP and OST deadlines, plan items),
 * computed by the domain's rules from each active account's recorded dates. Both `pat due` and the app's
 * Due screen read it here. Each account's part the rules read (domain/cadence.ts DueInput) is kept beside the
 * account summaries (store/summary-cache.ts), so this reads the directory and one key range, no account
 * document: at 10,000 accounts decoding every document took some 36 s.
 */
import { dueAccount, dueEntries, type DueEntry, type IsoDate } from '../../domain/index.js'
import type { Workspace } from '../workspace.js'

export interface DueQuery {
  today: IsoDate
  /** Only entries due within this many days (overdue ones always). */
  withinDays?: number
  /** Only this account (id, prefix or name); the workspace-wide OST deadline is then left out. */
  account?: string
}

export class WorkflowActions {
  constructor (private readonly ws: Workspace) {}

  async due (q: DueQuery): Promise<DueEntry[]> {
    const headers = q.account ? [this.ws.resolveAccount(q.account)] : this.ws.headers({ archived: false })
    const inputs = await this.ws.summaries.dueInputs(headers.map(h => h.id))
    const accounts = headers.map(h => dueAccount(h, inputs.get(h.id)!))
    return dueEntries(accounts, q.today, { ...(q.withinDays !== undefined ? { withinDays: q.withinDays } : {}), workspaceWide: !q.account && accounts.length > 0 })
  }
}
