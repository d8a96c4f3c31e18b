// Hubs for hub-mode tests, on 127.0.0.1 only: the stock y-websocket server run from its own package (the
// devDependency's bin, unmodified, as a child process), and a fake hub whose every room runs a script.
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer, type AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { WebSocketServer, type WebSocket } from 'ws'
import { freePort, waitForPort } from './ports.mjs'

export { freePort }

export interface TestHub { url: string, port: number, close (): Promise<void> }

/** `y-websocket` (the package's bin/server.cjs) with HOST=127.0.0.1 and a free PORT; rooms kept in memory. */
export async function startStockHub (): Promise<TestHub> {
  const bin = join(dirname(createRequire(import.meta.url).resolve('y-websocket/package.json')), 'bin', 'server.cjs')
  const port = await freePort()
  const child: ChildProcess = spawn(process.execPath, [bin], { env: { ...process.env, HOST: '127.0.0.1', PORT: String(port) }, stdio: 'ignore' })
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()))
  try {
    await waitForPort(port, 10_000)
  } catch (err) {
    child.kill()
    throw err
  }
  return { url: `ws://127.0.0.1:${port}`, port, close: async () => { child.kill(); await exited } }
}

/** A WebSocket server that runs `room(socket, path)` for every connection. */
export async function startFakeHub (room: (socket: WebSocket, path: string) => void): Promise<TestHub> {
  const wss = new WebSocketServer({ host: '127.0.0.1', port: 0 })
  await new Promise<void>(resolve => wss.once('listening', () => resolve()))
  wss.on('connection', (socket, req) => room(socket, req.url ?? ''))
  const { port } = wss.address() as AddressInfo
  return {
    url: `ws://127.0.0.1:${port}`,
    port,
    close: () => new Promise<void>(resolve => { for (const c of wss.clients) c.terminate(); wss.close(() => resolve()) })
  }
}

/** A TCP server that accepts connections and never answers (a hub that hangs). */
export async function startSilentServer (): Promise<TestHub> {
  const sockets = new Set<import('node:net').Socket>()
  const server = createServer(s => { sockets.add(s); s.on('close', () => sockets.delete(s)) })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `ws://127.0.0.1:${port}`,
    port,
    close: () => new Promise<void>(resolve => { for (const s of sockets) s.destroy(); server.close(() => resolve()) })
  }
}
