/**
 * The SOP workflow read from the workspace: what falls due (reviews, CIP and OST deadlines, plan items),
 * computed by the domain's rules from each active account's recorded dates. Both `pat due` and the app's
 * Due screen read it here.
 */
import { dueEntries, type AccountRecord, type DueEntry, type IsoDate } from '../../domain/index.js'
import type { Workspace } from '../workspace.js'
import { readAccount } from '../snapshot.js'

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
    const accounts: AccountRecord[] = []
    for (const h of headers) accounts.push(readAccount(h, await this.ws.accountDoc(h.id)))
    return dueEntries(accounts, q.today, { ...(q.withinDays !== undefined ? { withinDays: q.withinDays } : {}), workspaceWide: !q.account && accounts.length > 0 })
  }
}
