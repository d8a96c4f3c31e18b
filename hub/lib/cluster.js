// @ts-check
/**
 * Several hub instances behind a load balancer, linked by one Redis.
 *
 * Live: @hocuspocus/extension-redis relays every room's sync and awareness messages between the instances that
 * have the room loaded (a room is loaded while a member has it open), so members on different instances see
 * each other's edits as they are made. After every change it publishes the room's sync step 1 (state vector);
 * each other instance answers with step 2 (what the first lacks) and its own step 1, answered in turn — a full
 * exchange both ways. Two changes to that, in Relay:
 *  - the step 1 after a change is published at once, but then at most every COALESCE_MS per room: a burst of
 *    thousands of small updates otherwise makes as many exchanges, each answer carrying the whole backlog the
 *    other side has not seen yet — enough to overflow Redis's pub/sub output buffer, which then disconnects the
 *    subscriber and drops what was in flight;
 *  - every loaded room's step 1 is published again every RESYNC_MS and when a Redis connection comes back, so
 *    anything lost on the way (a dropped subscriber, a Redis restart) is exchanged again instead of waiting for
 *    the room's next change.
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
const COALESCE_MS = 50
const RESYNC_MS = 10_000

/**
 * The extensions that link this instance to the others (Redis relay, catch-up), after checking that Redis
 * answers at all: an unreachable Redis stops the start with one line rather than leaving rooms unable to load.
 * While running, ioredis reconnects by itself; its errors are logged when they change, not on every retry.
 * @param {{ url: string, prefix: string, log: (line: string) => void, stored: (room: string) => Promise<boolean> }} opts
 */
export async function clusterExtensions ({ url, prefix, log, stored }) {
  const [{ Redis }, { Redis: IORedis }] = await Promise.all([import('@hocuspocus/extension-redis'), import('ioredis')])
  const probe = new IORedis(url, { lazyConnect: true, connectTimeout: 5000, maxRetriesPerRequest: 0, retryStrategy: () => null })
  /** @type {Error | undefined} */
  let cause // the socket's own error (ECONNREFUSED…), more telling than the rejection ("Connection is closed")
  probe.on('error', err => { cause ??= err })
  try {
    await probe.connect()
    await probe.ping()
  } catch (err) {
    throw new HubError(`cannot reach Redis at ${withoutPassword(url)}: ${(cause ?? /** @type {Error} */ (err)).message}`)
  } finally {
    probe.disconnect()
  }
  let lastError = ''
  /** @type {InstanceType<ReturnType<typeof relayClass>> | undefined} */
  let relay // eslint-disable-line prefer-const -- assigned below, after the closures that use it are made
  const createClient = () => {
    let connected = false
    return new IORedis(url).on('error', err => {
      if (err.message !== lastError) log(`redis: ${err.message}`)
      lastError = err.message
    }).on('ready', () => {
      lastError = ''
      if (connected) relay?.resync() // back after a disconnect: what was in flight may be lost
      connected = true
    })
  }

  const identifier = `patdesk-hub-${randomUUID()}`
  relay = new (relayClass(Redis, log))({ createClient, prefix, identifier })
  return [relay, await fillExtension({ channel: `${prefix}:fill`, identifier, publisher: relay.pub, subscriber: createClient(), stored, log })]
}

/** A Redis URL fit for a log line. @param {string} url */
function withoutPassword (url) {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.href
  } catch {
    return 'the Redis URL given'
  }
}

/**
 * The Redis extension with coalesced and repeated exchanges (see the header). Its hooks that publish are not
 * awaited by Hocuspocus, so a publish that fails (Redis gone for longer than ioredis retries) is logged here
 * rather than left to end the process as an unhandled rejection; the next resync makes up for it.
 * @param {typeof import('@hocuspocus/extension-redis').Redis} Redis @param {(line: string) => void} log
 */
function relayClass (Redis, log) {
  /** @param {Error} err @returns {undefined} */
  const logged = err => { log(`redis: publish failed: ${err.message}`) }
  return class Relay extends Redis {
    /** @type {Map<string, { timer?: NodeJS.Timeout, payload?: import('@hocuspocus/server').onChangePayload }>} */
    windows = new Map()
    resyncTimer = setInterval(() => this.resync(), RESYNC_MS).unref()

    /** @param {import('@hocuspocus/server').onChangePayload} data */
    async onChange (data) {
      if (data.transactionOrigin === this.redisTransactionOrigin) return
      const open = this.windows.get(data.documentName)
      if (open) { open.payload = data; return } // published when the window closes
      const window = { timer: setTimeout(() => this.closeWindow(data.documentName), COALESCE_MS), payload: undefined }
      this.windows.set(data.documentName, window)
      return super.onChange(data).catch(logged)
    }

    /** @param {import('@hocuspocus/server').onAwarenessUpdatePayload} data */
    async onAwarenessUpdate (data) {
      return super.onAwarenessUpdate(data).catch(logged)
    }

    /** @param {import('@hocuspocus/server').beforeBroadcastStatelessPayload} data */
    async beforeBroadcastStateless (data) {
      return super.beforeBroadcastStateless(data).catch(err => { logged(err); return 0 })
    }

    /** @param {string} room */
    closeWindow (room) {
      const window = this.windows.get(room)
      this.windows.delete(room)
      if (window?.payload && this.instance.documents.has(room)) this.onChange(window.payload)
    }

    /** Publishes every loaded room's step 1, as after a change. */
    resync () {
      if (!this.instance) return
      for (const document of this.instance.documents.values()) {
        this.onChange(/** @type {import('@hocuspocus/server').onChangePayload} */ ({ documentName: document.name, document, transactionOrigin: 'patdesk-resync' }))
      }
    }

    async onDestroy () {
      clearInterval(this.resyncTimer)
      for (const { timer } of this.windows.values()) clearTimeout(timer)
      this.windows.clear()
      return super.onDestroy()
    }
  }
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
