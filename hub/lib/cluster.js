// @ts-check
/**
 * Several hub instances behind a load balancer, linked by one Redis.
 *
 * Live: @hocuspocus/extension-redis relays every room's sync and awareness messages between the instances that
 * have the room loaded (a room is loaded while a member has it open), so members on different instances see
 * each other's edits as they are made.
 *
 * Catch-up: each instance keeps its own LevelDB, and the Redis extension only reaches instances that have the
 * room loaded — an edit made through instance A while nobody had the room open on B would not reach B's
 * members once they open it. So when an instance loads a room it also publishes a fill request on
 * `<prefix>:fill`:
 *
 *   { "from": "<instance id>", "room": "<team id>/<document>" }      JSON, one per load
 *
 * Every other instance that has the room on disk but not loaded opens it for FILL_HOLD_MS through a
 * Hocuspocus direct connection; loading it there makes the Redis extension publish that instance's sync
 * step 1, which the requester answers with its step 2 and its own step 1 — so both end up with the union, and
 * both store it. An instance that loads the room only for a fill does not ask in turn. A request that is not
 * such JSON is ignored (it names nothing we could load).
 */
import { randomUUID } from 'node:crypto'
import { HubError } from './errors.js'
import { parseRoom } from './auth.js'

const FILL_HOLD_MS = 2000

/**
 * The extensions that link this instance to the others (Redis relay, catch-up), after checking that Redis
 * answers at all: an unreachable Redis stops the start with one line rather than leaving rooms unable to load.
 * While running, ioredis reconnects by itself; its errors are logged when they change, not on every retry.
 * @param {{ url: string, prefix: string, log: (line: string) => void, stored: (room: string) => Promise<boolean> }} opts
 */
export async function clusterExtensions ({ url, prefix, log, stored }) {
  const [{ Redis }, { Redis: IORedis }] = await Promise.all([import('@hocuspocus/extension-redis'), import('ioredis')])
  const probe = new IORedis(url, { lazyConnect: true, connectTimeout: 5000, maxRetriesPerRequest: 0, retryStrategy: () => null })
  probe.on('error', () => {})
  try {
    await probe.connect()
    await probe.ping()
  } catch (err) {
    throw new HubError(`cannot reach Redis at ${url}: ${/** @type {Error} */ (err).message}`)
  } finally {
    probe.disconnect()
  }
  let lastError = ''
  const createClient = () => new IORedis(url).on('error', err => {
    if (err.message !== lastError) log(`redis: ${err.message}`)
    lastError = err.message
  }).on('ready', () => { lastError = '' })

  const identifier = `patdesk-hub-${randomUUID()}`
  const relay = new Redis({ createClient, prefix, identifier })
  return [relay, await fillExtension({ channel: `${prefix}:fill`, identifier, publisher: relay.pub, subscriber: createClient(), stored, log })]
}

/**
 * @param {{ channel: string, identifier: string, publisher: import('ioredis').Redis | import('ioredis').Cluster,
 *   subscriber: import('ioredis').Redis, stored: (room: string) => Promise<boolean>, log: (line: string) => void }} opts
 * @returns {Promise<import('@hocuspocus/server').Extension>}
 */
async function fillExtension ({ channel, identifier, publisher, subscriber, stored, log }) {
  /** @type {import('@hocuspocus/server').Hocuspocus | undefined} */
  let hocuspocus
  /** Rooms loaded here for another instance's request, with the timer that lets them go. */
  const filling = new Map()

  /** @param {string} room */
  const fill = async room => {
    if (!hocuspocus || filling.has(room) || hocuspocus.documents.has(room) || hocuspocus.loadingDocuments.has(room)) return
    if (!await stored(room)) return
    filling.set(room, undefined)
    try {
      const direct = await hocuspocus.openDirectConnection(room, { fill: true })
      filling.set(room, setTimeout(() => {
        filling.delete(room)
        direct.disconnect().catch(err => log(`fill of ${room}: ${err.message}`))
      }, FILL_HOLD_MS))
    } catch (err) {
      filling.delete(room)
      log(`fill of ${room}: ${/** @type {Error} */ (err).message}`)
    }
  }

  subscriber.on('message', (_channel, text) => {
    let request
    try { request = JSON.parse(text) } catch { return }
    if (request?.from === identifier || typeof request?.room !== 'string' || !parseRoom(request.room)) return
    fill(request.room)
  })
  await subscriber.subscribe(channel)

  return {
    extensionName: 'patdesk-fill',
    async onConfigure ({ instance }) { hocuspocus = instance },
    // After the Redis extension's own afterLoadDocument (priority 1000): this instance already listens on the
    // room's channel when the others answer.
    async afterLoadDocument ({ documentName }) {
      if (filling.has(documentName)) return
      await publisher.publish(channel, JSON.stringify({ from: identifier, room: documentName }))
    },
    async onDestroy () {
      for (const timer of filling.values()) clearTimeout(timer)
      subscriber.disconnect()
    }
  }
}
