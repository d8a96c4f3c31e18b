/**
 * Hub mode, one exchange: sync a workspace through a stock y-websocket or Hocuspocus server, which the
 * members never need to reach each other for. Every document is one room, `<team id>/<document name>`
 * (hub/url.ts), synced by the exchange of hub/room.ts over the hub kind's transport (hub/ywebsocket.ts: a
 * WebSocket per room; hub/hocuspocus.ts: one for all). A hub cannot list its rooms, so the documents the hub has
 * and this side lacks are found through the workspace document: its room is synced first, then the room of
 * every account in the (now merged) account directory, together with every other document this side holds,
 * at most `concurrency` rooms at a time.
 *
 * Trust: the hub is treated as an editor (`workspaceSyncTarget(ws, () => 'editor')`) — it relays what
 * members wrote, but nothing it sends may change the team, and a roster entry only as an owner signed it
 * (store/roster-check.ts), so a hub cannot add a member, change a role or replay an older entry. It does
 * see every document, and could withhold updates or make any change an editor could; see the README's
 * "Hub" part.
 *
 * Vouches (store/vouches.ts, docs/trust.md): a hub's structs are applied only as far as members who may write
 * the document vouch for them. The `vouches` room is opened first and stays open for the whole exchange, so
 * that the vouches this member writes before sending a document's content reach the hub with it; at the end
 * it is synced once more (`resync`) so that every vouch written is at the hub before the exchange ends.
 *
 * A room that breaks the protocol ends alone (its reason logged and in the result), its document untouched;
 * the others go on. A refused update ends nothing: its refused parts are set aside and reported once
 * (`report`), the rest applied (judge.ts; docs/trust.md). A hub that cannot be reached, refuses the connection
 * or the token, or does not finish within `timeoutMs` fails the whole exchange with an InputError naming
 * the problem.
 */
import { InputError } from '../../domain/index.js'
import { setAside } from '../../store/debug.js'
import { SKIP, workspaceSyncTarget, type Signer, type Store, type WorkspaceSyncTarget } from '../../store/index.js'
import { accountDocName, accountIdOf, WORKSPACE_DOC } from '../../store/schema.js'
import { voucherOf, VOUCHES_DOC, type Voucher } from '../../store/vouches.js'
import { loadSigner } from '../identity.js'
import { hocuspocusTransport } from './hocuspocus.js'
import { HubRoom, type RoomOutcome } from './room.js'
import type { HubTransport, TransportOptions } from './transport.js'
import { parseHubUrl, type HubAddress } from './url.js'
import { yWebsocketTransport } from './ywebsocket.js'

export interface HubSyncOptions {
  store: Store
  /** ws://HOST:PORT, wss://…, hocuspocus+ws://HOST:PORT or hocuspocus+wss://… (hub/url.ts). */
  url: string
  token?: string
  timeoutMs: number
  /** How many rooms are synced at once (PASS_CONCURRENCY by default). */
  concurrency?: number
  maxMessageBytes?: number
  /** Where a room that ended early is reported (and changes set aside, without `report`). */
  log?: (line: string) => void
  /** Where a change the hub sent and this side set aside is reported, once (store/set-aside.ts). */
  report?: (line: string) => void
  /** How long a part no member vouches for is held before it is set aside (0: at once, the default here). */
  holdMs?: number
}

export interface HubSyncResult {
  hub: string
  documents: RoomOutcome[]
  /** The `vouches` room's outcome (store/vouches.ts). */
  vouches: RoomOutcome
}

export { VOUCH_ORIGIN } from '../../store/vouches.js'

/** This member's signer for vouches, or undefined (logged) when the key cannot be read: then they vouch for nothing. */
export async function vouchSigner (store: Store, log?: (line: string) => void): Promise<Signer | undefined> {
  try {
    return await loadSigner(store.ws.paths.identityKey)
  } catch (err) {
    log?.(`hub: your changes go unvouched: ${(err as Error).message}`)
    return undefined
  }
}

export const DEFAULT_MAX_MESSAGE = 32 * 1024 * 1024
/** How many rooms an exchange of every document opens at once. */
export const PASS_CONCURRENCY = 8

/** The origin of the hub's updates: `origin: 'remote'` is what the store treats as a peer's change (never undone here). */
export function hubOrigin (hub: HubAddress): object {
  return { origin: 'remote', hub: hub.url }
}

/** The transport for the hub's kind (hub/transport.ts). */
export function openHub (opts: TransportOptions): HubTransport {
  return opts.hub.kind === 'hocuspocus' ? hocuspocusTransport(opts) : yWebsocketTransport(opts)
}

/**
 * The hub is an editor at most: it can never change the team, nor the roster but as owners signed it. Once
 * `stopped()`, nothing more it sends is applied (what is still on its way when the exchange ends): it is
 * SKIP, not a refusal, so it is not set aside either — the next exchange brings it again.
 */
export function hubTarget (store: Store, hub: HubAddress, stopped: () => boolean, log: ((line: string) => void) | undefined, vouched: { voucher: Voucher, holdMs: number }): WorkspaceSyncTarget {
  const base = workspaceSyncTarget(store.ws, () => 'editor', { label: `hub ${hub.url}`, ...(log ? { log } : {}) }, { holdMs: vouched.holdMs }, vouched.voucher)
  return { ...base, accept: (name, doc, update) => stopped() ? SKIP : base.accept(name, doc, update) }
}

/** Calls `retry` on the rooms whenever the vouches or the roster change (held parts may now be vouched for). */
export function retryOnVouches (store: Store, rooms: () => Iterable<HubRoom>): () => void {
  return store.ws.docs.onChange(name => {
    if (name !== VOUCHES_DOC && name !== WORKSPACE_DOC) return
    for (const room of rooms()) room.retry()
  })
}

/** Every account document to sync after the workspace: those in the (merged) directory and those held here. */
export async function accountDocs (store: Store): Promise<string[]> {
  const names = new Set([
    ...store.ws.accountIds().map(accountDocName),
    ...(await store.ws.docs.storedNames()).filter(n => accountIdOf(n) !== undefined)
  ])
  return [...names].sort()
}

export async function syncThroughHub (opts: HubSyncOptions): Promise<HubSyncResult> {
  const hub = parseHubUrl(opts.url)
  const { store } = opts
  let stopped = false
  const voucher = voucherOf(store.ws, await vouchSigner(store, opts.log))
  await voucher.ready() // loaded before anything is judged against it
  const target = hubTarget(store, hub, () => stopped, opts.report ?? opts.log, { voucher, holdMs: opts.holdMs ?? 0 })
  const transport = openHub({ hub, teamId: store.ws.config.team.id, maxMessageBytes: opts.maxMessageBytes ?? DEFAULT_MAX_MESSAGE, ...(opts.token ? { token: opts.token } : {}) })
  const origin = hubOrigin(hub)
  const documents: RoomOutcome[] = []
  const open = new Set<HubRoom>()
  const vouches = new HubRoom({ name: VOUCHES_DOC, target, live: true, origin })
  open.add(vouches)
  const unretry = retryOnVouches(store, () => open)
  let vouchesSynced = () => {}
  const gate = new Promise<void>(resolve => { vouchesSynced = resolve })
  const room = async (name: string, after?: Promise<void>) => {
    if (stopped) return
    const r = new HubRoom({ name, target, live: false, origin, ...(after ? { after } : {}) })
    open.add(r)
    transport.open(r)
    const outcome = await r.synced
    open.delete(r)
    if (outcome.error !== undefined) opts.log?.(`hub ${hub.url}: ${name} not synced: ${outcome.error}`)
    documents.push(outcome)
  }
  const work = (async () => {
    const workspace = room(WORKSPACE_DOC, gate) // opened first (a refused token is named for it), judged once the vouches are in
    transport.open(vouches)
    await Promise.all([workspace, vouches.synced.finally(vouchesSynced)]) // the first refusal is the one reported
    await pool(await accountDocs(store), opts.concurrency ?? PASS_CONCURRENCY, room)
    await vouches.resync()
    vouches.end()
    if (vouches.outcome.error !== undefined) opts.log?.(`hub ${hub.url}: ${VOUCHES_DOC} not synced: ${vouches.outcome.error}`)
  })()
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new InputError(
      `the sync through the hub at ${hub.url} did not finish within ${Math.round(opts.timeoutMs / 1000)} s (${documents.length} documents done): try again, or a longer --timeout`
    )), opts.timeoutMs)
  })
  try {
    await Promise.race([work, timeout])
  } finally {
    stopped = true
    unretry()
    clearTimeout(timer)
    work.catch(setAside('hub: the pass ended (timed out or stopped) before its rooms did')) // the race above has reported
    await transport.close() // the rooms that synced are closing: the hub sees a clean close
    await store.ws.flush()
  }
  return { hub: hub.url, documents: documents.sort((a, b) => a.name.localeCompare(b.name)), vouches: vouches.outcome }
}

/** Runs `fn` on every item, at most `limit` at a time; rejects with the first failure. */
export async function pool<T> (items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => { while (next < items.length) await fn(items[next++]!) }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}
