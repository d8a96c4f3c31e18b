/**
 * Unseen changes and field histories: what the other members changed in an account since this member
 * last opened it, marking accounts as seen, and every value a field had.
 */
import { InputError } from '../../domain/index.js'
import { readChanges, readHistory, type Change, type HistoryEntry } from '../changes.js'
import { markState, readMark, readMarks, unseenCount } from '../seen-marks.js'
import type { Workspace } from '../workspace.js'

export interface AccountChanges { accountId: string, accountName: string, changes: Change[] }

export class ChangeActions {
  constructor (private readonly ws: Workspace) {}

  /** Accounts whose unseen count (from the summaries and the marks, no document opened) is not zero. */
  private async unseenAccounts (): Promise<string[]> {
    const ids = this.ws.accountIds()
    const summaries = await this.ws.summaries.get(ids)
    const marks = await readMarks(this.ws.database, this.ws.member.id)
    return ids.filter(id => unseenCount(summaries.get(id)?.edits ?? {}, marks.get(id), this.ws.member.id) > 0)
  }

  /**
   * Per account (one, or every account with any), the others' changes this member has not seen — or,
   * with `since` (YYYY-MM-DD or an ISO time), those made since then. Newest first.
   */
  async list (ref?: string, opts: { since?: string } = {}): Promise<AccountChanges[]> {
    const since = opts.since === undefined ? undefined : parseSince(opts.since)
    const ids = ref ? [this.ws.resolveAccount(ref).id] : since !== undefined ? this.ws.accountIds() : await this.unseenAccounts()
    const out: AccountChanges[] = []
    for (const id of ids) {
      const doc = await this.ws.accountDoc(id)
      const mark = since === undefined ? await readMark(this.ws.database, this.ws.member.id, id) : undefined
      const changes = readChanges(doc, { me: this.ws.member.id, ...(mark ? { seen: markState(mark) } : {}), ...(since !== undefined ? { since } : {}) })
      if (changes.length || ref) out.push({ accountId: id, accountName: this.ws.header(id).name, changes })
    }
    return out
  }

  /** Marks one account, or every account with unseen changes, as seen now; returns how many. */
  async markSeen (ref?: string): Promise<number> {
    const ids = ref ? [this.ws.resolveAccount(ref).id] : await this.unseenAccounts()
    for (const id of ids) await this.ws.markSeen(id)
    return ids.length
  }

  async history (ref: string, field?: string): Promise<HistoryEntry[]> {
    const id = this.ws.resolveAccount(ref).id
    return readHistory(await this.ws.accountDoc(id), field)
  }
}

function parseSince (text: string): string {
  const t = text.trim()
  if (/^\d{4}-\d{2}-\d{2}$/.test(t) && !Number.isNaN(Date.parse(t))) return t
  const d = new Date(t)
  if (/^\d{4}-\d{2}-\d{2}T/.test(t) && !Number.isNaN(d.getTime())) return d.toISOString()
  throw new InputError(`invalid --since "${text}": use a date, YYYY-MM-DD (or an ISO time)`)
}
