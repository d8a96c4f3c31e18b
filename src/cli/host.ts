/**
 * Hosting a workspace: what `pat serve` and the app both do while they hold the open store. They answer
 * other `pat` commands sent over the control socket (LevelDB admits one process per directory, so a second
 * command is run here, on the open workspace) and record their pid for the "in use" message. With `sync`
 * they also run the peer node (sync/peer/node.ts) — the app and `pat serve` run the same sync — and a command
 * routed here (`pat sync`, `pat team invite`, `pat sync status`) finds that node through `hostOf(store)`.
 *
 * Peers are reached on 0.0.0.0:47600 by default: sync is for teammates on the same network, and nothing
 * is served to a key outside the roster (mutual TLS, pinned by fingerprint). When the default port is
 * busy (another workspace syncing on this machine) the node takes a free one and says so; a port the user
 * chose must be free. LAN discovery (sync/peer/mdns.ts, mDNS) is on unless `mdns` is false.
 */
import { rm, writeFile } from 'node:fs/promises'
import { InputError } from '../domain/index.js'
import type { Store } from '../store/index.js'
import { readHubConfig } from '../store/hub-config.js'
import type { SyncIndicator } from '../sync/indicator.js'
import type { PeerNode } from '../sync/peer/node.js'
import type { Presence } from '../sync/presence.js'
import { serveControl } from './control.js'
import { hostedHub, type HostedHub } from './host-hub.js'

export const DEFAULT_SYNC_HOST = '0.0.0.0'
export const DEFAULT_SYNC_PORT = 47600

export interface SyncOptions {
  host: string
  port: number
  /** The user chose the port: a busy one is an error rather than a reason to take another. */
  portGiven: boolean
  /** Peers to keep connected to ("host:port"), besides the remembered ones. */
  peers: string[]
  /** LAN discovery (mDNS, sync/peer/mdns.ts). */
  mdns: boolean
  /** Where the node's log lines go. */
  log: (line: string) => void
  /**
   * Sync (the peer node, the hub link) starts once this settles: the app's first frame and first key do not
   * wait for the sync code to load (docs/startup.md). At once when not given.
   */
  after?: Promise<void>
}

export interface Host {
  /** What holds the workspace: the terminal app or `pat serve` (said to commands routed here). */
  readonly holder: Holder
  close: () => Promise<void>
  /** The peer node once it runs; undefined without sync, while it starts, or when it could not start. */
  readonly peer: PeerNode | undefined
  /** The hub link (sync/hub/link.ts) while a hub is set; undefined without sync. */
  readonly hub: HostedHub | undefined
  /** What the app's status bar shows of sync (undefined without sync). */
  readonly indicator: SyncIndicator | undefined
  /** Settles when sync has started; rejects with the reason it could not. */
  readonly ready: Promise<void>
}

export type Holder = 'app' | 'serve'

const hosts = new WeakMap<Store, Host>()

/** The host of an open store, when this process hosts it (for commands routed here). */
export function hostOf (store: Store): Host | undefined { return hosts.get(store) }

export async function hostWorkspace (store: Store, opts: { holder: Holder, sync?: SyncOptions }): Promise<Host> {
  const { runCli } = await import('./main.js')
  const paths = store.ws.paths
  const server = await serveControl(paths.socket, (req, io) => runCli(req.argv, io, store))
  await writeFile(paths.lockInfo, String(process.pid))
  let closed = false
  let peer: PeerNode | undefined
  let problem: string | undefined
  let stopPresence = () => {}
  let indicator: SyncIndicator | undefined
  let hub: HostedHub | undefined
  let ready = Promise.resolve()
  if (opts.sync) {
    const sync = opts.sync
    const { Presence } = await import('../sync/presence.js')
    const { syncIndicator } = await import('../sync/indicator.js')
    const presence = new Presence({ member: store.ws.member.id, name: store.ws.member.name })
    stopPresence = () => presence.destroy()
    const link = hub = hostedHub(store, sync.log)
    // A hub set in hub.json is used from the start; a damaged file is said and skipped (pat hub set mends it).
    const after = sync.after ?? Promise.resolve()
    after.then(() => readHubConfig(paths.hub)).then(cfg => link.use(cfg)).catch((err: Error) => { sync.log(`hub not used: ${err.message}`) })
    ready = after.then(() => startNode(store, sync, presence)).then(
      node => { if (closed) return node.stop(); peer = node },
      (err: Error) => { problem = 'sync off'; sync.log(`sync could not start: ${err.message}`); throw err })
    ready.catch(() => undefined) // already said in the sync log above; whoever awaits `ready` gets the error
    // The status bar says "sync starting" until the node is there or has failed, then reads it at once.
    indicator = syncIndicator(presence, () => peer, () => problem, link, ready)
  }
  const host: Host = {
    holder: opts.holder,
    get peer () { return peer },
    hub,
    indicator,
    ready,
    close: async () => {
      if (closed) return
      closed = true
      hosts.delete(store)
      stopPresence()
      await Promise.all([peer?.stop(), hub?.stop()])
      await new Promise<void>(resolve => server.close(() => resolve()))
      await rm(paths.socket, { force: true })
      await rm(paths.lockInfo, { force: true })
    }
  }
  hosts.set(store, host)
  return host
}

async function startNode (store: Store, sync: SyncOptions, presence: Presence): Promise<PeerNode> {
  const { PeerNode } = await import('../sync/peer/node.js')
  const { loadTls } = await import('../sync/tls.js')
  const { tls } = await loadTls(store.ws.paths, store.ws.member.id)
  const start = (port: number) => PeerNode.start({ store, tls, presence, log: sync.log, listen: { host: sync.host, port } })
  let node: PeerNode
  try {
    node = await start(sync.port)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code !== 'EADDRINUSE' || sync.portGiven) {
      throw new InputError(`cannot listen for peers on ${sync.host}:${sync.port} (${code === 'EADDRINUSE' ? 'the port is in use' : (err as Error).message}): choose another with --port`)
    }
    node = await start(0)
    sync.log(`port ${sync.port} is in use: listening on ${node.port} instead`)
  }
  for (const address of sync.peers) node.keepConnected(address)
  node.reconnectRemembered()
  if (sync.mdns) node.useDiscovery((await import('../sync/peer/mdns.js')).startDiscovery)
  return node
}
