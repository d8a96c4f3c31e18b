/**
 * Hub mode, one exchange: sync a workspace through a stock y-websocket server, which the members never need
 * to reach each other for. Every document is one room, `<team id>/<document name>` (hub-url.ts), synced
 * over its own WebSocket (hub-room.ts). A stock server cannot list its rooms, so the documents the hub has
 * and this side lacks are found through the workspace document: its room is synced first, then the room of
 * every account in the (now merged) account directory, together with every other document this side holds,
 * at most `concurrency` rooms at a time.
 *
 * Trust: the hub is treated as an editor (`workspaceSyncTarget(ws, () => 'editor')`) — it relays what
 * members wrote, but nothing it sends may change the team or the roster (only an owner's own connection
 * can), so a hub cannot add a member or change a role. It does see every document, and could withhold
 * updates or make any change an editor could; see the README's "Hub" part.
 *
 * A room that breaks the protocol or sends a refused update ends alone (its reason logged and in the
 * result), its document untouched; the others go on. A hub that cannot be reached, refuses the connection,
 * or does not finish within `timeoutMs` fails the whole exchange with an InputError naming the problem.
 */
import type { WebSocket } from 'ws'
import { InputError } from '../domain/index.js'
import { workspaceSyncTarget, type Store } from '../store/index.js'
import { accountDocName, accountIdOf, WORKSPACE_DOC } from '../store/schema.js'
import { parseHubUrl, roomOf, roomUrl } from './hub-url.js'
import { syncRoom, type RoomOutcome } from './hub-room.js'

export interface HubSyncOptions {
  store: Store
  /** ws://HOST:PORT or wss://… (hub-url.ts). */
  url: string
  token?: string
  timeoutMs: number
  /** How many rooms are synced at once (8 by default). */
  concurrency?: number
  maxMessageBytes?: number
  /** Where a room that ended early is reported. */
  log?: (line: string) => void
}

export interface HubSyncResult {
  hub: string
  documents: RoomOutcome[]
}

const DEFAULT_MAX_MESSAGE = 32 * 1024 * 1024
const CLOSE_WAIT_MS = 1000

export async function syncThroughHub (opts: HubSyncOptions): Promise<HubSyncResult> {
  const hub = parseHubUrl(opts.url)
  const { store } = opts
  // The hub is an editor at most: it can never change the roster or the team (see the header).
  const target = workspaceSyncTarget(store.ws, () => 'editor')
  const sockets = new Set<WebSocket>()
  const documents: RoomOutcome[] = []
  let stopped = false
  const room = async (name: string) => {
    if (stopped) return
    const outcome = await syncRoom({
      name,
      hub: hub.url,
      url: roomUrl(hub, roomOf(store.ws.config.team.id, name), opts.token),
      target: { ...target, accept: (n, doc, update) => stopped ? 'the exchange was stopped' : target.accept(n, doc, update) },
      maxMessageBytes: opts.maxMessageBytes ?? DEFAULT_MAX_MESSAGE,
      track: socket => { sockets.add(socket); socket.once('close', () => sockets.delete(socket)) }
    })
    if (outcome.error !== undefined) opts.log?.(`hub ${hub.url}: ${name} not synced: ${outcome.error}`)
    documents.push(outcome)
  }
  const work = (async () => {
    await room(WORKSPACE_DOC)
    const names = new Set([
      ...store.ws.accountIds().map(accountDocName),
      ...(await store.ws.docs.storedNames()).filter(n => accountIdOf(n) !== undefined)
    ])
    await pool([...names].sort(), opts.concurrency ?? 8, room)
  })()
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new InputError(
      `the sync through the hub at ${hub.url} did not finish within ${Math.round(opts.timeoutMs / 1000)} s (${documents.length} documents done): try again, or a longer --timeout`
    )), opts.timeoutMs)
  })
  try {
    await Promise.race([work, timeout])
    await closed(sockets, CLOSE_WAIT_MS) // the rooms that synced are closing: let the hub see a clean close
  } finally {
    stopped = true
    clearTimeout(timer)
    work.catch(() => undefined)
    for (const socket of sockets) socket.terminate()
    await store.ws.flush()
  }
  return { hub: hub.url, documents: documents.sort((a, b) => a.name.localeCompare(b.name)) }
}

/** Resolves once every socket has closed, or after `ms`. */
async function closed (sockets: Set<WebSocket>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const all = Promise.all([...sockets].map(s => new Promise(resolve => s.once('close', resolve))))
  await Promise.race([all, new Promise(resolve => { timer = setTimeout(resolve, ms) })])
  clearTimeout(timer)
}

/** Runs `fn` on every item, at most `limit` at a time; rejects with the first failure. */
async function pool<T> (items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0
  const worker = async () => { while (next < items.length) await fn(items[next++]!) }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
}
