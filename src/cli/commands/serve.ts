/**
 * `pat serve`: a headless process that keeps the workspace open and runs other `pat` commands sent to it
 * over the control socket (so they work while it holds the database). Peer-to-peer sync joins it with the
 * sync issue. Stops cleanly on SIGINT/SIGTERM; after a SIGKILL the next process finds the lock released
 * and replaces the stale socket.
 */
import type { Command } from 'commander'
import { rm, writeFile } from 'node:fs/promises'
import { InputError } from '../../domain/index.js'
import { Store } from '../../store/index.js'
import type { CliContext } from '../context.js'
import { serveControl } from '../control.js'

export function registerServe (program: Command, ctx: CliContext): void {
  program.command('serve').description('keep the workspace open and answer other pat commands (headless)')
    .action(async () => {
      if (ctx.shared) throw new InputError('the workspace is already being served by this process')
      const store = await Store.open(ctx.home())
      const { runCli } = await import('../main.js')
      const paths = store.ws.paths
      const server = await serveControl(paths.socket, (req, io) => runCli(req.argv, io, store))
      await writeFile(paths.lockInfo, String(process.pid))
      ctx.io.out(`serving the workspace in ${paths.root} (pid ${process.pid}); other pat commands are routed here. Ctrl-C stops.`)
      await new Promise<void>(resolve => {
        const stop = () => resolve()
        process.once('SIGINT', stop)
        process.once('SIGTERM', stop)
      })
      server.close()
      await rm(paths.socket, { force: true })
      await rm(paths.lockInfo, { force: true })
      await store.close()
    })
}
