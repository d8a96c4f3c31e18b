/**
 * Hosting a workspace: what `pat serve` and the app both do while they hold the open store. They answer
 * other `pat` commands sent over the control socket (LevelDB admits one process per directory, so a second
 * command is run here, on the open workspace) and record their pid for the "in use" message. Peer sync
 * joins the host here, so the app and `pat serve` run the same sync.
 */
import { rm, writeFile } from 'node:fs/promises'
import type { Store } from '../store/index.js'
import { serveControl } from './control.js'

export interface Host {
  close: () => Promise<void>
}

export async function hostWorkspace (store: Store): Promise<Host> {
  const { runCli } = await import('./main.js')
  const paths = store.ws.paths
  const server = await serveControl(paths.socket, (req, io) => runCli(req.argv, io, store))
  await writeFile(paths.lockInfo, String(process.pid))
  let closed = false
  return {
    close: async () => {
      if (closed) return
      closed = true
      await new Promise<void>(resolve => server.close(() => resolve()))
      await rm(paths.socket, { force: true })
      await rm(paths.lockInfo, { force: true })
    }
  }
}
