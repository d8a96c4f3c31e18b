/**
 * Changes set aside: parts of updates this side refused (a peer's or a hub's, store/sync-target.ts) and this
 * member's own changes it may not share (a viewer's edits, made offline or before a demotion). A refused part
 * never blocks the rest of an update (sync/judge.ts); it is kept here instead — listed, exportable and
 * removable with `pat sync set-aside list|export|drop` — and reported once, when it is first set aside.
 *
 * One file per part in `<home>/set-aside/`, `<id>.json`, written to a temporary file and renamed (a kill at any
 * moment leaves the old set or the new one). The id is a short hash of what identifies the part — its
 * document, its writer's client id and clock range (or, for deletions, its bytes) — so the same part sent
 * again by every exchange (a hub keeps what it was given) is one entry, reported once.
 */
import { createHash } from 'node:crypto'
import { appendFileSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { InputError } from '../domain/index.js'

export interface SetAsideEntry {
  id: string
  /** The document it would change (`workspace`, `account/<id>`). */
  doc: string
  /** Where it came from: `peer Bo Chen`, `hub ws://…`, or `here` (this member's own). */
  source: string
  /** Its writer, where known (a member's name), else its Yjs client id. */
  author: string
  reason: string
  at: string
  bytes: number
  /** Set aside for want of a vouch (store/vouches.ts): dropped once the document holds it. */
  awaitsVouch?: boolean
}

interface Stored extends SetAsideEntry { update: string, client?: number, end?: number }

export interface SetAsidePart { doc: string, source: string, author: string, reason: string, key: string, update: Uint8Array, awaitsVouch?: boolean, client?: number, end?: number }

const ID = /^[0-9a-f]{12}$/

export class SetAsideBook {
  constructor (private readonly dir: string) {}

  /** Keeps the part; true when it is new (the caller reports it), false when it was set aside before. */
  add (part: SetAsidePart, now = new Date()): boolean {
    const id = createHash('sha256').update(`${part.doc}\0${part.key}`).digest('hex').slice(0, 12)
    const file = join(this.dir, `${id}.json`)
    try {
      readFileSync(file)
      return false
    } catch {} // not kept yet: kept below
    mkdirSync(this.dir, { recursive: true })
    const stored: Stored = {
      id,
      doc: part.doc,
      source: part.source,
      author: part.author,
      reason: part.reason,
      at: now.toISOString(),
      bytes: part.update.length,
      update: Buffer.from(part.update).toString('base64'),
      ...(part.awaitsVouch ? { awaitsVouch: true } : {}),
      ...(part.client !== undefined && part.end !== undefined ? { client: part.client, end: part.end } : {})
    }
    const tmp = `${file}.${process.pid}.tmp`
    writeFileSync(tmp, JSON.stringify(stored) + '\n')
    renameSync(tmp, file)
    return true
  }

  /**
   * Drops the entries of document `doc` set aside for want of a vouch that the document now holds (`sv`, its
   * state vector): a vouch came after all, and the hub's next offer applied them. Returns what was dropped.
   */
  release (doc: string, sv: Map<number, number>): SetAsideEntry[] {
    const gone = this.stored().filter(s => s.awaitsVouch && s.doc === doc && s.client !== undefined && s.end !== undefined && (sv.get(s.client) ?? 0) >= s.end)
    for (const e of gone) rmSync(join(this.dir, `${e.id}.json`), { force: true })
    return gone.map(({ update: _u, client: _c, end: _e, ...e }) => e)
  }

  list (): SetAsideEntry[] {
    return this.stored().map(({ update: _u, client: _c, end: _e, ...entry }) => entry)
  }

  private stored (): Stored[] {
    let names: string[]
    try {
      names = readdirSync(this.dir).filter(n => /^[0-9a-f]{12}\.json$/.test(n))
    } catch {
      return []
    }
    return names.flatMap(n => {
      const s = this.read(n.slice(0, 12))
      return s ? [s] : []
    }).sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id))
  }

  /** The entry's Yjs update (v1), to export. */
  update (id: string): Uint8Array {
    return Buffer.from(this.required(id).update, 'base64')
  }

  /** Removes one entry (or every entry with `all`); returns what was removed. */
  drop (id: string | 'all'): SetAsideEntry[] {
    const gone = id === 'all' ? this.list() : [this.required(id)].map(({ update: _u, client: _c, end: _e, ...e }) => e)
    for (const e of gone) rmSync(join(this.dir, `${e.id}.json`), { force: true })
    return gone
  }

  private required (id: string): Stored {
    const s = ID.test(id) ? this.read(id) : undefined
    if (!s) throw new InputError(`no change set aside has the id "${id.slice(0, 40)}": see \`pat sync set-aside list\``)
    return s
  }

  private read (id: string): Stored | undefined {
    try {
      const s = JSON.parse(readFileSync(join(this.dir, `${id}.json`), 'utf8')) as Stored
      return typeof s.update === 'string' && typeof s.doc === 'string' ? s : undefined
    } catch {
      return undefined // a damaged entry is not listed (it can still be removed by hand)
    }
  }
}

/**
 * The Yjs client ids this member has written with, in `<home>/own-clients` (one a line, appended the first
 * time a process writes with one): a viewer's own changes are told from the others' it holds by these ids,
 * so they can be set aside instead of sent (store/sync-target.ts). A torn last line (a kill while appending)
 * is not a number and is skipped.
 */
export class OwnClients {
  private readonly noted = new Set<number>()
  private earlier: number[] | undefined
  constructor (private readonly file: string) {}

  note (client: number): void {
    if (this.noted.has(client)) return
    this.noted.add(client)
    try {
      appendFileSync(this.file, `${client}\n`)
    } catch {} // a read-only home: the id is known for this process only
  }

  /**
   * Every id noted, by this process or an earlier one. The file is read once per process (one process holds a
   * home at a time, and this one's own ids are in `noted`): vouches ask on every update sent.
   */
  all (): Set<number> {
    if (!this.earlier) {
      let text = ''
      try { text = readFileSync(this.file, 'utf8') } catch {} // none noted yet
      this.earlier = text.split('\n').filter(l => /^\d+$/.test(l)).map(Number)
    }
    return new Set([...this.noted, ...this.earlier])
  }
}
