/**
 * `pat sync --peer HOST:PORT [--timeout S]`: one exchange with a peer, both ways; exits 0 once both sides
 * are up to date, 1 with the reason when not (unreachable, not a member, timed out). `pat sync --hub [URL]`:
 * one exchange through a hub instead (hub.ts). `pat sync status`:
 * the peers met, connected or not, when last in sync, and updates they have not had yet. While `pat serve`
 * or the app holds the workspace these run there (routed like every command), on its peer node.
 */
import type { Command } from 'commander'
import { InputError } from '../../domain/index.js'
import type { Store } from '../../store/index.js'
import { parseAddress } from '../../sync/address.js'
import { readHubConfig } from '../../store/hub-config.js'
import type { HubLinkStatus } from '../../sync/hub/link.js'
import { hubState } from '../../sync/indicator.js'
import type { NodeStatus, PeerStatus } from '../../sync/peer/node.js'
import { withStore, type CliContext } from '../context.js'
import { formatTable } from '../format.js'
import { hostOf } from '../host.js'
import { printJson, tableWidth, type Io } from '../io.js'
import { registerSetAside } from './set-aside.js'

export function registerSync (program: Command, ctx: CliContext): void {
  const sync = program.command('sync').description('sync with a peer (--peer) or through a hub (--hub) once, or see sync status (pat sync status)')
    .option('--peer <host:port>', 'the peer to sync with')
    .option('--hub [url]', 'sync through a hub (ws://HOST:PORT of a y-websocket server, hocuspocus+ws://HOST:PORT of a Hocuspocus server; default: the one set with pat hub set)')
    .option('--token <token>', 'with --hub: the token the hub asks for')
    .option('--timeout <seconds>', 'give up after this many seconds', '30')
    .option('--json', 'print JSON')
    .action(async (opts: { peer?: string, hub?: string | true, token?: string, timeout: string, json?: boolean }) => {
      if (opts.peer && opts.hub !== undefined) throw new InputError('--peer and --hub are exclusive: sync with one peer, or through the hub')
      if (opts.token !== undefined && opts.hub === undefined) throw new InputError('--token goes with --hub: pat sync --hub URL --token TOKEN')
      if (!opts.peer && opts.hub === undefined) throw new InputError('say what to sync with: pat sync --peer HOST:PORT, or pat sync --hub [URL] (or see pat sync status)')
      const seconds = Number(opts.timeout)
      if (!(seconds > 0 && seconds <= 3600)) throw new InputError(`--timeout "${opts.timeout}" is not a number of seconds from 1 to 3600`)
      if (opts.hub !== undefined) {
        const { syncViaHub } = await import('./hub.js')
        await syncViaHub(ctx, { hub: opts.hub, ...(opts.token !== undefined ? { token: opts.token } : {}), timeoutMs: seconds * 1000, ...(opts.json ? { json: true } : {}) })
        return
      }
      const address = parseAddress(opts.peer!)
      const peer = await withStore(ctx, store => syncOnce(store, address, seconds * 1000, line => ctx.io.err(line)))
      if (opts.json) printJson(ctx.io, peer)
      else ctx.io.out(`synced with ${peer.name} at ${address}: both sides are up to date`)
    })

  registerSetAside(sync, ctx)

  sync.command('status').description('the peers met, connected or not, last sync and updates pending')
    .option('--json', 'print JSON')
    .action(async (_opts: unknown, cmd: Command) => {
      const status = await withStore(ctx, s => syncStatus(s, ctx.io))
      // `pat sync` has a --json of its own, which commander fills when --json follows `status`.
      if (cmd.optsWithGlobals<{ json?: boolean }>().json) { printJson(ctx.io, status); return }
      ctx.io.out(status.listening ? `${status.member.name}: listening for peers on ${status.listening}` : `${status.member.name}: no peer running here (pat serve or the app syncs in the background)`)
      if (status.hub) ctx.io.out(hubLine(status.hub))
      if (status.peers.length === 0) { ctx.io.out('no peers met yet: pat sync --peer HOST:PORT, or pat init --join CODE'); return }
      ctx.io.out(formatTable(status.peers, [
        { title: 'PEER', get: (p: PeerStatus) => p.name },
        { title: 'CONNECTED', get: p => (p.connected ? 'yes' : 'no') },
        { title: 'LAST SYNC', get: p => p.lastSync?.replace('T', ' ').slice(0, 16) ?? 'never' },
        { title: 'PENDING', get: p => (p.pending === null ? '?' : String(p.pending)), align: 'right' },
        { title: 'ADDRESS', get: p => p.address ?? '' }
      ], tableWidth(ctx.io)))
    })
}

async function syncOnce (store: Store, address: string, timeoutMs: number, report: (line: string) => void): Promise<PeerStatus> {
  const running = hostOf(store)?.peer
  if (running) return running.syncOnce(address, timeoutMs)
  const { PeerNode } = await import('../../sync/peer/node.js')
  const { loadTls } = await import('../../sync/tls.js')
  // The connection attempt ends with the exchange's own deadline: a silent listener must not hold the
  // process past --timeout (the handshake's own, longer timeout would).
  const node = await PeerNode.start({ store, tls: (await loadTls(store.ws.paths, store.ws.member.id)).tls, connectTimeoutMs: timeoutMs, report })
  try {
    return await node.syncOnce(address, timeoutMs)
  } finally {
    await node.stop()
  }
}

/** The hub as `sync status` reports it: the running link's status, or only the URL set when nothing runs. */
type HubReport = HubLinkStatus | { url: string, state: 'not running' }

/** The running node's status, or what the peer book remembers when no node runs here; and the hub's. */
async function syncStatus (store: Store, io: Io): Promise<NodeStatus & { hub: HubReport | null }> {
  const host = hostOf(store)
  const cfg = await readHubConfig(store.ws.paths.hub)
  const hub: HubReport | null = host?.hub?.status() ?? (cfg ? { url: cfg.url, state: 'not running' } : null)
  if (host?.peer) return { ...host.peer.status(), hub }
  const { PeerBook } = await import('../../sync/peer/book.js')
  const book = new PeerBook(store.ws.paths.peers)
  const peers = await book.list()
  if (book.notice) io.err(`warning: ${book.notice}`)
  return {
    member: { ...store.ws.member },
    peers: peers.map(p => ({ id: p.id, name: store.roster.get(p.id)?.name ?? p.name, ...(p.address ? { address: p.address } : {}), connected: false, ...(p.lastSync ? { lastSync: p.lastSync } : {}), pending: null })),
    hub
  }
}

function hubLine (hub: HubReport): string {
  if (hub.state === 'not running') return `hub: ${hub.url} (set; pat serve or the app syncs through it, pat sync --hub once)`
  const last = hub.lastSync ? `, synced ${hub.lastSync.replace('T', ' ').slice(0, 16)}` : ''
  return `hub: ${hub.url}: ${hubState(hub)}${last}${hub.error ? ` (${hub.error})` : ''}`
}
