/**
 * `pat serve`: a headless process that keeps the workspace open and runs other `pat` commands sent to it
 * over the control socket (so they work while it holds the database). Peer-to-peer sync joins it with the
 * sync issue. Stops cleanly on SIGINT/SIGTERM; after a SIGKILL the next process finds the lock released
 * and replaces the stale socket.
 */
import type { Command } from 'commander'
import { InputError } from '../../domain/index.js'
import { Store } from '../../store/index.js'
import type { CliContext } from '../context.js'
import { hostWorkspace } from '../host.js'

export function registerServe (program: Command, ctx: CliContext): void {
  program.command('serve').description('keep the workspace open and answer other pat commands (headless)')
    .action(async () => {
      if (ctx.shared) throw new InputError('the workspace is already being served by this process')
      const store = await Store.open(ctx.home())
      const host = await hostWorkspace(store)
      ctx.io.out(`serving the workspace in ${store.ws.paths.root} (pid ${process.pid}); other pat commands are routed here. Ctrl-C stops.`)
      await new Promise<void>(resolve => {
        const stop = () => resolve()
        process.once('SIGINT', stop)
        process.once('SIGTERM', stop)
      })
      await host.close()
      await store.close()
    })
}
