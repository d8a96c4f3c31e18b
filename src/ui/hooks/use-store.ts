/**
 * Plain snapshots of the store for components, through React's useSyncExternalStore. The store's reads
 * are asynchronous, so a snapshot source loads once when first subscribed, re-loads after every change the
 * store reports (this member's edits, commands forwarded from other terminals, updates from peers),
 * coalescing a burst of changes into one load, and caches the last result — so React always sees a stable
 * value and a component re-renders only when a load has finished. A source may start from data already
 * read (a `Seed`), so the first frame needs no load — nor a second one at once, unless the store changed
 * since the seed was read (with 10,000 accounts each needless load of the list costs tens of megabytes of
 * garbage, which is what the app's peak memory is made of).
 */
import { useMemo, useState, useSyncExternalStore } from 'react'
import type { Store, StoreChange } from '../../store/index.js'

/** Data read from the store, and the store's version when the read began. */
export interface Seed<T> { data: T, version: number }

export interface Snapshot<T> {
  data: T | undefined
  error: unknown
  loaded: boolean
  /** Whether a change from a peer came in since the previous load. */
  remote: boolean
}

const INITIAL: Snapshot<never> = { data: undefined, error: undefined, loaded: false, remote: false }

export class SnapshotSource<T> {
  private snap: Snapshot<T> = INITIAL
  private readonly listeners = new Set<() => void>()
  private unsubscribe: (() => void) | undefined
  private scheduled = false
  private running = false
  private again = false
  private sawRemote = false
  private closed = true

  constructor (
    private readonly store: Store,
    private readonly load: (store: Store) => Promise<T>,
    private readonly relevant: (change: StoreChange) => boolean = () => true,
    private seed?: Seed<T>
  ) {
    // Data already read (the app reads the accounts before its first frame): shown at once.
    if (seed) this.snap = { data: seed.data, error: undefined, loaded: true, remote: false }
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    if (this.listeners.size === 1) {
      this.closed = false
      this.unsubscribe = this.store.subscribe(change => {
        if (!this.relevant(change)) return
        if (change.remote) this.sawRemote = true
        this.schedule()
      })
      if (this.seed?.version !== this.store.version) this.schedule()
      this.seed = undefined
    }
    return () => {
      this.listeners.delete(listener)
      if (this.listeners.size === 0) { this.closed = true; this.unsubscribe?.(); this.unsubscribe = undefined }
    }
  }

  getSnapshot = (): Snapshot<T> => this.snap

  /** Loads on the next turn of the event loop, so the changes of one edit (several documents) load once. */
  private schedule (): void {
    if (this.scheduled) return
    this.scheduled = true
    setImmediate(() => { this.scheduled = false; void this.run() })
  }

  private async run (): Promise<void> {
    if (this.running) { this.again = true; return }
    this.running = true
    try {
      do {
        if (this.closed) return
        this.again = false
        const remote = this.sawRemote
        this.sawRemote = false
        let next: Snapshot<T>
        try {
          next = { data: await this.load(this.store), error: undefined, loaded: true, remote }
        } catch (error) {
          next = { data: this.snap.data, error, loaded: true, remote }
        }
        if (this.closed) return
        this.snap = next
        for (const l of this.listeners) l()
      } while (this.again)
    } finally {
      this.running = false
    }
  }
}

/**
 * A snapshot of `load(store)`, re-loaded on changes (only changes to `accountId`'s document and the
 * workspace directory when given). `load` must keep its identity from one render to the next (a module
 * function, or useCallback with what it reads): a new `load` is a new source, loaded afresh.
 */
export function useStoreSnapshot<T> (store: Store, load: (store: Store) => Promise<T>, opts: { accountId?: string, seed?: Seed<T> } = {}): Snapshot<T> {
  const { accountId } = opts
  // The seed is data read before the first frame: it can only spare the first source's load, so the one of
  // the first render is kept and a later render's never makes a new source.
  const [seed] = useState(opts.seed)
  const source = useMemo(() => new SnapshotSource(store, load, accountId === undefined
    ? undefined
    : c => c.accountId === undefined || c.accountId === accountId, seed),
  [store, load, accountId, seed])
  return useSyncExternalStore(source.subscribe, source.getSnapshot)
}
