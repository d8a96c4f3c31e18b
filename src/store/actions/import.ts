/**
 * Writing an import: accounts created or changed, contacts added or changed, each edit logged in the
 * account's activity as coming from the import and its file. Edits are made without waiting for the disk
 * one by one and flushed every `batchSize` accounts, so the store's writer stores a few hundred accounts in
 * one LevelDB batch (an import of 10,000 rows is a few dozen writes, not 10,000). What was flushed stays
 * done if the import is interrupted; re-running the file skips it (imports match what is recorded).
 */
import * as Y from 'yjs'
import { ACCOUNT_PROFILE_FIELDS, CONTACT_FIELDS, type FieldValue } from '../../domain/index.js'
import { initContainers, readFields, writeFields } from '../fields.js'
import { newId } from '../ids.js'
import { accountRoots } from '../schema.js'
import { readContacts, type Entity } from '../snapshot.js'
import type { Workspace } from '../workspace.js'
import { createAccount, writeAccountFields } from './accounts.js'

export type AccountWrite =
  | { op: 'create', row: number, values: Record<string, FieldValue> }
  | { op: 'update', row: number, id: string, values: Record<string, FieldValue> }

export type ContactWrite =
  | { op: 'create', row: number, accountId: string, values: Record<string, FieldValue> }
  | { op: 'update', row: number, accountId: string, contactId: string, values: Record<string, FieldValue> }

export interface ApplyOptions {
  /** The file, as the activity log names it. */
  source: string
  batchSize?: number
  /** Called after each flushed batch with how many writes are done. */
  onProgress?: (done: number, total: number) => void
}

export const IMPORT_BATCH = 250

export class ImportActions {
  constructor (private readonly ws: Workspace) {}

  /** Every account (archived ones too) as an import matches them. */
  known (): Array<{ id: string, name: string, iors: string[] }> {
    return this.ws.headers().map(h => ({ id: h.id, name: h.name, iors: [...h.iors] }))
  }

  /** An account's recorded directory and profile fields. */
  async recorded (id: string): Promise<Record<string, FieldValue | undefined>> {
    const h = this.ws.header(id)
    const profile = readFields(accountRoots(await this.ws.accountDoc(id)).profile, ACCOUNT_PROFILE_FIELDS)
    return { name: h.name, iors: [...h.iors], kind: h.kind, leadPort: h.leadPort, stage: h.stage, ...profile }
  }

  /**
   * Loads the documents of the given accounts, many reads at a time: an import touches thousands of
   * accounts, and reading them one after the other leaves the disk idle between reads.
   */
  async preload (ids: readonly string[]): Promise<void> {
    const CONCURRENT = 64
    for (let i = 0; i < ids.length; i += CONCURRENT) await Promise.all(ids.slice(i, i + CONCURRENT).map(id => this.ws.accountDoc(id)))
  }

  async contacts (accountId: string): Promise<Entity[]> {
    return readContacts(await this.ws.accountDoc(accountId))
  }

  /** Creates and updates accounts; returns the ids of the accounts each write touched, in order. */
  async applyAccounts (writes: readonly AccountWrite[], opts: ApplyOptions): Promise<string[]> {
    const ids = writes.map(w => (w.op === 'update' ? w.id : this.ws.newAccountId(String(w.values.name))))
    await this.inBatches(writes, opts, (batch, at) => this.preload(ids.slice(at, at + batch.length)), async (w, i) => {
      const id = ids[i]!
      const from = `import from ${opts.source} (row ${w.row})`
      await this.ws.edit(id, 'import', (acc, wsDoc) => {
        if (w.op === 'create') return { result: undefined, summary: `${from}: ${createAccount(this.ws, id, { kind: 'port', stage: 'select', ...w.values }, acc, wsDoc)}` }
        const changes = writeAccountFields(this.ws, id, w.values, acc, wsDoc)
        return { result: undefined, summary: changes.length ? `${from}: ${changes.join('; ')}` : undefined }
      }, { flush: false })
    })
    return ids
  }

  async applyContacts (writes: readonly ContactWrite[], opts: ApplyOptions): Promise<void> {
    await this.inBatches(writes, opts, (batch) => this.preload(batch.map(w => w.accountId)), async w => {
      const from = `import from ${opts.source} (row ${w.row})`
      await this.ws.edit(w.accountId, 'import', acc => {
        const contacts = accountRoots(acc).collection('contacts')
        if (w.op === 'update') {
          const changes = writeFields(contacts.get(w.contactId)!, CONTACT_FIELDS, w.values, this.ws.now())
          return { result: undefined, summary: changes.length ? `${from}: contact "${String(contacts.get(w.contactId)!.get('name'))}": ${changes.join('; ')}` : undefined }
        }
        const map = new Y.Map<unknown>()
        contacts.set(newId(), map)
        map.set('createdAt', this.ws.stamp())
        map.set('createdBy', this.ws.member.id)
        initContainers(map, CONTACT_FIELDS)
        writeFields(map, CONTACT_FIELDS, w.values, this.ws.now())
        return { result: undefined, summary: `${from}: added contact "${String(w.values.name)}" (${String(w.values.side)})` }
      }, { flush: false })
    })
  }

  /** Runs the writes `batchSize` at a time: the batch's documents loaded together, then one flush per batch. */
  private async inBatches<W> (writes: readonly W[], opts: ApplyOptions, load: (batch: readonly W[], at: number) => Promise<void>, write: (w: W, i: number) => Promise<void>): Promise<void> {
    const size = opts.batchSize ?? IMPORT_BATCH
    for (let at = 0; at < writes.length; at += size) {
      const batch = writes.slice(at, at + size)
      await load(batch, at)
      for (let k = 0; k < batch.length; k++) await write(batch[k]!, at + k)
      await this.ws.flush()
      opts.onProgress?.(Math.min(at + size, writes.length), writes.length)
    }
  }
}
