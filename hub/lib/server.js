// @ts-check
/**
 * The hub: a stock Hocuspocus 3 server with token authentication (auth.js), the rooms' copy on disk
 * (persistence.js) and, when a Redis URL is given, the link to the other instances behind the same load
 * balancer (cluster.js).
 */
import { watchFile, unwatchFile } from 'node:fs'
import { Server } from '@hocuspocus/server'
import { authenticator, closeRevoked } from './auth.js'
import { clusterExtensions } from './cluster.js'
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
  /** @type {import('@hocuspocus/server').Extension[]} */
  const extensions = [persistence.extension]
  if (config.redis) {
    try {
      extensions.push(...await clusterExtensions({ url: config.redis, prefix: config.redisPrefix ?? 'patdesk-hub', log, stored: persistence.has }))
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
    onAuthenticate: authenticator(book, log),
    // An access log: who opened and left which room, and when a room is stored and let go of.
    async connected ({ documentName, context }) { log(`${context.member} opened ${documentName}`) },
    async onDisconnect ({ documentName, context }) { if (context.member) log(`${context.member} left ${documentName}`) },
    async afterUnloadDocument ({ documentName }) { log(`unloaded ${documentName}`) }
  }, { maxPayload: MAX_MESSAGE })

  // Called when the file's stat changes. An authentication may have re-read it first, so the rooms are checked
  // whether or not this refresh finds anything new.
  const onTokensChanged = () => {
    try {
      book.refresh()
      closeRevoked(server.hocuspocus, book, log)
    } catch (err) {
      log(`tokens file unreadable, using the last good copy: ${/** @type {Error} */ (err).message}`)
    }
  }
  watchFile(config.tokens, { interval: TOKENS_POLL_MS, persistent: false }, onTokensChanged)
  try {
    // Not Hocuspocus's listen(): it passes the address as `address`, which Node's listen() ignores (it takes
    // `host`), so it binds every interface; and it leaves a bind failure to the 'error' event.
    await new Promise((resolve, reject) => {
      server.httpServer.once('error', reject)
      server.httpServer.listen({ port: config.port, host: config.host }, () => resolve(undefined))
    })
    await server.hocuspocus.hooks('onListen', { instance: server.hocuspocus, configuration: server.configuration, port: server.address.port })
  } catch (err) {
    unwatchFile(config.tokens, onTokensChanged)
    await persistence.close()
    throw new HubError(`cannot listen on ${config.host}:${config.port}: ${/** @type {Error} */ (err).message}`)
  }
  const { port, address } = server.address // as bound, not as asked
  log(`listening on ws://${address.includes(':') ? `[${address}]` : address}:${port}${config.redis ? ' (with Redis)' : ''}`)
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
