/**
 * Add / change / remove for the collections inside an account (contacts, locations, related companies,
 * plan items, approvals, CIPs, events): one implementation, parameterised by the collection, its field
 * specs and how a person names one entry. Removal deletes the entry (so its content can be garbage
 * collected) but the activity log keeps what it held.
 */
import * as Y from 'yjs'
import { parseFields, formatField, type Entity, type EntityStamp, type FieldInput, type FieldKey, type FieldSpec, type FieldValue } from '../../domain/index.js'
import { initContainers, writeFields } from '../fields.js'
import { newId } from '../ids.js'
import { resolveRef } from '../resolve.js'
import { accountRoots, type AccountCollection } from '../schema.js'
import { readEntities } from '../snapshot.js'
import type { Workspace } from '../workspace.js'

/** One collection; `T` is the domain's type of one entry (Contact, PlanItem…). */
export interface EntityKind<T extends EntityStamp> {
  collection: AccountCollection
  specs: readonly FieldSpec<FieldKey<T>>[]
  noun: string
  /** The name a person knows an entry by. */
  label: (e: T) => string
  /** The order a list command prints (and numbers) entries in; default: creation order. */
  order?: (doc: Y.Doc) => T[]
  /** The CLI command that lists them, for error hints. */
  listHint: string
  /** Child maps each entry holds (created with the entry; see store/fields.ts on why). */
  childMaps?: readonly string[]
  /**
   * What else an add (no `before`), change or removal (no `after`) writes in the same edit — a related
   * company's change records that the account definition changed — returning its log text, if any.
   */
  onChange?: (acc: Y.Doc, now: string, before: T | undefined, after: T | undefined) => string | undefined
  /** A rule across fields (a location's type decides its fields): throws an InputError; `current` on a change. */
  check?: (values: Readonly<Record<string, FieldValue>>, current?: T) => void
  /** What else goes when an entry is removed (a CIP's action steps), in the same transaction. */
  onRemove?: (acc: Y.Doc, id: string) => void
}

/** The verbs every collection has, whatever its entry's type: for code that treats the collections alike. */
export type AnyEntityActions = Pick<EntityActions<Entity>, 'list' | 'add' | 'set' | 'remove'>

export class EntityActions<T extends EntityStamp> {
  constructor (protected readonly ws: Workspace, readonly kind: EntityKind<T>) {}

  async list (accountId: string): Promise<T[]> {
    return this.entries(await this.ws.accountDoc(accountId))
  }

  protected entries (doc: Y.Doc): T[] {
    return this.kind.order ? this.kind.order(doc) : readEntities<T>(doc, this.kind.collection, this.kind.specs)
  }

  /** Finds an entry by id, id prefix, its number in the list, or its name. */
  resolve (doc: Y.Doc, ref: string): T {
    return resolveRef(ref, this.entries(doc), { noun: this.kind.noun, listHint: this.kind.listHint, numbered: true, label: this.kind.label })
  }

  async add (accountId: string, input: FieldInput, stamp: Record<string, string> = {}): Promise<T> {
    const values = parseFields(this.kind.specs, input, 'create')
    this.kind.check?.(values)
    const id = newId()
    return this.ws.edit(accountId, `${this.kind.collection}.add`, acc => {
      const map = new Y.Map<unknown>()
      accountRoots(acc).collection(this.kind.collection).set(id, map)
      map.set('createdAt', this.ws.stamp())
      map.set('createdBy', this.ws.member.id)
      for (const [k, v] of Object.entries(stamp)) map.set(k, v)
      initContainers(map, this.kind.specs, this.kind.childMaps)
      writeFields(map, this.kind.specs, values, this.ws.now())
      const entity = this.find(acc, id)
      return { result: entity, summary: this.also(`added ${this.kind.noun} "${this.kind.label(entity)}"${this.details(entity)}`, acc, undefined, entity) }
    })
  }

  async set (accountId: string, ref: string, input: FieldInput): Promise<T> {
    const values = parseFields(this.kind.specs, input, 'patch')
    const target = this.resolve(await this.ws.accountDoc(accountId), ref)
    this.kind.check?.(values, target)
    return this.ws.edit(accountId, `${this.kind.collection}.set`, acc => {
      const changes = writeFields(this.map(acc, target.id), this.kind.specs, values, this.ws.now())
      const entity = this.find(acc, target.id)
      return { result: entity, summary: changes.length ? this.also(`${this.kind.noun} "${this.kind.label(entity)}": ${changes.join('; ')}`, acc, target, entity) : undefined }
    })
  }

  async remove (accountId: string, ref: string): Promise<T> {
    const target = this.resolve(await this.ws.accountDoc(accountId), ref)
    return this.ws.edit(accountId, `${this.kind.collection}.remove`, acc => {
      accountRoots(acc).collection(this.kind.collection).delete(target.id)
      this.kind.onRemove?.(acc, target.id)
      return { result: target, summary: this.also(`removed ${this.kind.noun} "${this.kind.label(target)}"${this.details(target)}`, acc, target, undefined) }
    })
  }

  /** The summary with what `onChange` wrote in the same edit. */
  private also (summary: string, acc: Y.Doc, before: T | undefined, after: T | undefined): string {
    const extra = this.kind.onChange?.(acc, this.ws.now(), before, after)
    return extra ? `${summary}; ${extra}` : summary
  }

  protected map (acc: Y.Doc, id: string): Y.Map<unknown> {
    return accountRoots(acc).collection(this.kind.collection).get(id)!
  }

  protected find (acc: Y.Doc, id: string): T {
    return this.entries(acc).find(e => e.id === id)!
  }

  /** " (Phone: …, Email: …)": the entry's other fields, so the log alone can restore a removed entry. */
  private details (e: T): string {
    const parts = this.kind.specs
      .filter(s => e[s.key] !== undefined && e[s.key] !== null && e[s.key] !== '' && this.kind.label(e) !== e[s.key])
      .map(s => `${s.label}: ${formatField(s, e[s.key] as never)}`)
    return parts.length ? ` (${parts.join(', ')})` : ''
  }
}
