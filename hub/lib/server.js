// @ts-check
/**
 * The hub: a stock Hocuspocus 3 server with three extensions — token authentication (auth.js), the rooms'
 * copy on disk (persistence.js) and, when a Redis URL is given, @hocuspocus/extension-redis, which relays every
 * room's sync and awareness messages between the instances that have it open, so members connected to
 * different instances behind a load balancer see each other's edits live.
 */
import { watchFile, unwatchFile } from 'node:fs'
import { Server } from '@hocuspocus/server'
import { authenticator, closeRevoked } from './auth.js'
import { openPersistence } from './persistence.js'
import { TokenBook } from './tokens.js'
import { HubError } from './errors.js'

/**
 * @typedef {object} HubConfig
 * @property {string} host
 * @property {number} port  0 for any free port
 * @property {string} data  the data directory (LevelDB)
 * @property {string} tokens  the tokens file
 * @property {string} [redis]  redis://… URL; unset for a single instance
 * @property {string} [redisPrefix]  namespace of the Redis channels, so several hubs can share one Redis
 * @property {(line: string) => void} [log]
 */

const MAX_MESSAGE = 32 * 2 ** 20 // the same frame limit as between peers
const TOKENS_POLL_MS = 500

/** @param {HubConfig} config */
export async function startHub (config) {
  const log = config.log ?? (() => {})
  const book = new TokenBook(config.tokens) // a damaged file stops the start here, with its reason
  const persistence = await openPersistence(config.data)
  const extensions = [persistence.extension]
  if (config.redis) {
    try {
      extensions.push(await redisExtension(config.redis, config.redisPrefix ?? 'patdesk-hub', log))
    } catch (err) {
      await persistence.close()
      throw err
    }
  }
  const server = new Server({
    name: 'patdesk-hub',
    address: config.host,
    port: config.port,
    quiet: true,
    stopOnSignals: false,
    extensions,
    onAuthenticate: authenticator(book, log)
  }, { maxPayload: MAX_MESSAGE })

  const onTokensChanged = () => {
    try {
      if (book.refresh()) closeRevoked(server.hocuspocus, book, log)
    } catch (err) {
      log(`tokens file unreadable, using the last good copy: ${/** @type {Error} */ (err).message}`)
    }
  }
  watchFile(config.tokens, { interval: TOKENS_POLL_MS, persistent: false }, onTokensChanged)
  try {
    // Hocuspocus's listen() resolves once listening but leaves a bind failure to the HTTP server's 'error' event.
    await new Promise((resolve, reject) => {
      server.httpServer.once('error', reject)
      server.listen().then(resolve, reject)
    })
  } catch (err) {
    unwatchFile(config.tokens, onTokensChanged)
    await persistence.close()
    throw new HubError(`cannot listen on ${config.host}:${config.port}: ${/** @type {Error} */ (err).message}`)
  }
  const { port } = server.address
  log(`listening on ws://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}${config.redis ? ' (with Redis)' : ''}`)
  return {
    port,
    server,
    /** Closes every connection (rooms are stored as they unload), then the Redis links and the data directory. */
    async close () {
      unwatchFile(config.tokens, onTokensChanged)
      await server.destroy()
      await persistence.close()
    }
  }
}

/**
 * The Redis extension on two ioredis clients (publisher, subscriber) of this URL, after checking that Redis
 * answers at all: an unreachable Redis stops the start with one line rather than leaving rooms unable to load.
 * While running, ioredis reconnects by itself; its errors are logged when they change, not on every retry.
 * @param {string} url @param {string} prefix @param {(line: string) => void} log
 */
async function redisExtension (url, prefix, log) {
  const [{ Redis }, { default: IORedis }] = await Promise.all([import('@hocuspocus/extension-redis'), import('ioredis')])
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
  return new Redis({ createClient, prefix })
}
