/**
 * `pat serve [--host H] [--port P] [--peer HOST:PORT]… [--no-mdns]`: a headless peer. It keeps the workspace
 * open, runs other `pat` commands sent to it over the control socket (so they work while it holds the
 * database), and syncs with the team: it listens for peers (default 0.0.0.0:47600, see cli/host.ts), keeps
 * the given and the remembered peers connected, and logs each session's end with its reason; with a hub set
 * (`pat hub set`) it also keeps a live link to the hub (cli/host-hub.ts). Stops cleanly
 * on SIGINT/SIGTERM; after a SIGKILL the next process finds the lock released and replaces the stale socket.
 */
import type { Command } from 'commander'
import { InputError } from '../../domain/index.js'
import { Store } from '../../store/index.js'
import { parseAddress } from '../../sync/address.js'
import type { CliContext } from '../context.js'
import { collect } from '../field-options.js'
import { DEFAULT_SYNC_HOST, DEFAULT_SYNC_PORT, hostWorkspace } from '../host.js'

interface ServeOptions { host: string, port?: string, peer?: string[], mdns: boolean }

export function registerServe (program: Command, ctx: CliContext): void {
  program.command('serve').description('keep the workspace open, sync with the team, and answer other pat commands (headless)')
    .option('--host <host>', 'address to listen on for peers', DEFAULT_SYNC_HOST)
    .option('--port <port>', `port to listen on for peers (default ${DEFAULT_SYNC_PORT}, or a free one if that is taken)`)
    .option('--peer <host:port>', 'a peer to keep connected to (repeatable)', collect)
    .option('--no-mdns', 'do not announce or look for peers on the local network')
    .action(async (opts: ServeOptions) => {
      if (ctx.shared) throw new InputError('the workspace is already being served by this process')
      const port = opts.port === undefined ? DEFAULT_SYNC_PORT : Number(opts.port)
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InputError(`--port "${opts.port}" is not a port number (0-65535)`)
      const peers = (opts.peer ?? []).map(p => parseAddress(p))
      const store = await Store.open(ctx.home())
      const log = (line: string) => ctx.io.out(`${new Date().toISOString()} ${line}`)
      const host = await hostWorkspace(store, { holder: 'serve', sync: { host: opts.host, port, portGiven: opts.port !== undefined, peers, mdns: opts.mdns, log } })
      try {
        await host.ready
      } catch (err) {
        await host.close()
        await store.close()
        throw err
      }
      ctx.io.out(`serving the workspace in ${store.ws.paths.root} (pid ${process.pid}); other pat commands are routed here. Ctrl-C stops.`)
      ctx.io.out(`listening for peers on ${host.peer?.status().listening ?? '?'} as ${store.ws.member.name} (member id ${store.ws.member.id})`)
      await new Promise<void>(resolve => {
        const stop = () => resolve()
        process.once('SIGINT', stop)
        process.once('SIGTERM', stop)
      })
      await host.close()
      await store.close()
    })
}
