/**
 * Writing an import: accounts created or changed, contacts added or changed, each edit logged in the
 * account's activity as coming from the import and its file. Edits are made without waiting for the disk
 * one by one and flushed every `batchSize` accounts, so the store's writer stores a few hundred accounts in
 * one LevelDB batch (an import of 10,000 rows is a few dozen writes, not 10,000). What was flushed stays
 * done if the import is interrupted; re-running the file skips it (imports match what is recorded).
 */
import * as Y from 'yjs'
import { ACCOUNT_HEADER_FIELDS, ACCOUNT_PROFILE_FIELDS, CONTACT_FIELDS, type FieldValue } from '../../domain/index.js'
import { initContainers, readFields, writeFields } from '../fields.js'
import { newAccountId, newId } from '../ids.js'
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
    const header = this.ws.header(id) as unknown as Record<string, FieldValue>
    const profile = readFields(accountRoots(await this.ws.accountDoc(id)).profile, ACCOUNT_PROFILE_FIELDS)
    return { ...Object.fromEntries(ACCOUNT_HEADER_FIELDS.map(s => [s.key, header[s.key]])), ...profile }
  }

  async contacts (accountId: string): Promise<Entity[]> {
    return readContacts(await this.ws.accountDoc(accountId))
  }

  /** Creates and updates accounts; returns the ids of the accounts each write touched, in order. */
  async applyAccounts (writes: readonly AccountWrite[], opts: ApplyOptions): Promise<string[]> {
    return this.inBatches(writes, opts, async w => {
      const from = `import from ${opts.source} (row ${w.row})`
      if (w.op === 'update') {
        await this.ws.edit(w.id, 'import', (acc, wsDoc) => {
          const changes = writeAccountFields(this.ws, w.id, w.values, acc, wsDoc)
          return { result: undefined, summary: changes.length ? `${from}: ${changes.join('; ')}` : undefined }
        }, { flush: false })
        return w.id
      }
      let id = newAccountId(String(w.values.name))
      while (this.ws.hasAccount(id)) id = newAccountId(String(w.values.name))
      await this.ws.edit(id, 'import', (acc, wsDoc) => ({ result: undefined, summary: `${from}: ${createAccount(this.ws, id, { kind: 'port', stage: 'select', ...w.values }, acc, wsDoc)}` }), { flush: false })
      return id
    })
  }

  async applyContacts (writes: readonly ContactWrite[], opts: ApplyOptions): Promise<string[]> {
    return this.inBatches(writes, opts, async w => {
      const from = `import from ${opts.source} (row ${w.row})`
      await this.ws.edit(w.accountId, 'import', acc => {
        const contacts = accountRoots(acc).collection('contacts')
        if (w.op === 'update') {
          const changes = writeFields(contacts.get(w.contactId)!, CONTACT_FIELDS, w.values, this.ws.now())
          return { result: undefined, summary: changes.length ? `${from}: contact "${String(contacts.get(w.contactId)!.get('name'))}": ${changes.join('; ')}` : undefined }
        }
        const map = new Y.Map<unknown>()
        contacts.set(newId(), map)
        map.set('createdAt', this.ws.now())
        map.set('createdBy', this.ws.member.id)
        initContainers(map, CONTACT_FIELDS)
        writeFields(map, CONTACT_FIELDS, w.values, this.ws.now())
        return { result: undefined, summary: `${from}: added contact "${String(w.values.name)}" (${String(w.values.side)})` }
      }, { flush: false })
      return w.accountId
    })
  }

  private async inBatches<W> (writes: readonly W[], opts: ApplyOptions, write: (w: W) => Promise<string>): Promise<string[]> {
    const size = opts.batchSize ?? IMPORT_BATCH
    const ids: string[] = []
    for (let i = 0; i < writes.length; i += size) {
      for (const w of writes.slice(i, i + size)) ids.push(await write(w))
      await this.ws.flush()
      opts.onProgress?.(Math.min(i + size, writes.length), writes.length)
    }
    return ids
  }
}
