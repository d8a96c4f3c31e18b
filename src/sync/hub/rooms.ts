/**
 * The rooms a hub link (hub/link.ts) has open, and their bound: the workspace room always, at most `max`
 * live account rooms — least recently active first (a Map keeps insertion order; activity re-inserts), so
 * the one closed to make room is the one idle longest — and the one-shot rooms of a pass (closed by
 * themselves once in sync; the pass opens a few at a time).
 */
import { WORKSPACE_DOC } from '../../store/schema.js'
import { VOUCHES_DOC } from '../../store/vouches.js'

/** Rooms always live, outside the bound: the workspace's and the vouches' (store/vouches.ts). */
const ALWAYS = new Set([WORKSPACE_DOC, VOUCHES_DOC])
import type { HubRoom } from './room.js'

export class OpenRooms {
  private readonly live = new Map<string, HubRoom>()
  private readonly oneShot = new Set<HubRoom>()

  constructor (private readonly max: number) {}

  /** The document's live room, if one is open. */
  get (name: string): HubRoom | undefined {
    const room = this.live.get(name)
    return room && !room.ended ? room : undefined
  }

  /**
   * Whether a room opened now for the document is to stay live: the workspace's always, an account's while
   * there is room — or, with `evict`, after closing the least recently active account rooms to make some.
   */
  slot (name: string, evict: boolean): boolean {
    if (ALWAYS.has(name)) return true
    if (evict) {
      for (const [other, room] of this.live) {
        if (this.accounts() < this.max) break
        if (!ALWAYS.has(other)) { this.live.delete(other); room.end() }
      }
    }
    return this.accounts() < this.max
  }

  add (room: HubRoom, live: boolean): void {
    if (live) this.live.set(room.name, room)
    else this.oneShot.add(room)
  }

  remove (room: HubRoom): void {
    if (this.live.get(room.name) === room) this.live.delete(room.name)
    this.oneShot.delete(room)
  }

  /** The room was active: it is the last to be closed for another. */
  touch (room: HubRoom): void {
    if (this.live.get(room.name) !== room || ALWAYS.has(room.name)) return
    this.live.delete(room.name)
    this.live.set(room.name, room)
  }

  /** Every room open at the hub. */
  * open (): Iterable<HubRoom> {
    for (const room of this.live.values()) if (!room.ended) yield room
    yield * this.oneShot
  }

  clear (): void {
    this.live.clear()
    this.oneShot.clear()
  }

  /** Rooms open at the hub. */
  get size (): number {
    let n = this.oneShot.size
    for (const room of this.live.values()) if (!room.ended) n++
    return n
  }

  private accounts (): number { return [...ALWAYS].reduce((n, name) => n - (this.live.has(name) ? 1 : 0), this.live.size) }
}
