// Hubs for hub-mode tests, on 127.0.0.1 only: the stock y-websocket server run from its own package (the
// devDependency's bin, unmodified, as a child process), a stock Hocuspocus server (hocuspocus-hub.mjs, a
// child process too), both restartable on the same port, and a fake hub whose every room runs a script.
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer, type AddressInfo, type Socket } from 'node:net'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import { WebSocketServer, type WebSocket } from 'ws'
import * as Y from 'yjs'
import type { Store } from '../../src/store/index.js'
import { VOUCHES_DOC } from '../../src/store/vouches.js'
import { freePort, waitForPort } from './ports.mjs'
import { newStore } from './store.js'
import { joinedStore } from './team.js'

export { freePort }

export interface TestHub { url: string, port: number, close (): Promise<void> }

/** `y-websocket` (the package's bin/server.cjs) with HOST=127.0.0.1 and a free PORT (or `port`); rooms kept in memory. */
export async function startStockHub (opts: { port?: number } = {}): Promise<TestHub> {
  const bin = join(dirname(createRequire(import.meta.url).resolve('y-websocket/package.json')), 'bin', 'server.cjs')
  return startChild(bin, 'ws', opts.port, {})
}

/**
 * The stock Hocuspocus 3 server (hocuspocus-hub.mjs) on 127.0.0.1, a free port (or `port`); with `token`,
 * its onAuthenticate refuses any other. The URL is `hocuspocus+ws://…`.
 */
export async function startHocuspocusHub (opts: { port?: number, token?: string } = {}): Promise<TestHub> {
  return startChild(fileURLToPath(new URL('./hocuspocus-hub.mjs', import.meta.url)), 'hocuspocus+ws', opts.port, opts.token ? { TOKEN: opts.token } : {})
}

/** Runs a hub script as a child process on 127.0.0.1; `close` kills it (SIGKILL: a hub that dies). */
async function startChild (script: string, scheme: string, givenPort: number | undefined, env: Record<string, string>): Promise<TestHub> {
  const port = givenPort ?? await freePort()
  const child: ChildProcess = spawn(process.execPath, [script], { env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: String(port) }, stdio: 'ignore' })
  const exited = new Promise<void>(resolve => child.once('exit', () => resolve()))
  try {
    await waitForPort(port, 10_000)
  } catch (err) {
    child.kill()
    throw err
  }
  return { url: `${scheme}://127.0.0.1:${port}`, port, close: async () => { child.kill('SIGKILL'); await exited } }
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
  const sockets = new Set<Socket>()
  const server = createServer(s => { sockets.add(s); s.on('close', () => sockets.delete(s)) })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `ws://127.0.0.1:${port}`,
    port,
    close: () => new Promise<void>(resolve => { for (const s of sockets) s.destroy(); server.close(() => resolve()) })
  }
}

/** A team of two who never meet: Ana (owner, with one account) and Bo (editor). `keep` closes them after the tests. */
export async function hubTeam (keep: <T extends { close (): Promise<void> }>(x: T) => T) {
  const ana = keep(await newStore('Ana Lima'))
  const account = await ana.accounts.add({ name: 'Hub Harbor Co' })
  const bo = keep(await joinedStore(ana, 'Bo Chen', 'editor'))
  return { ana, bo, account }
}

/**
 * Every stored document but `vouches` (store/vouches.ts), encoded: a member's own vouches are written by the
 * exchange itself whenever it sends something, so they are left out of "nothing changed".
 */
export async function contents (s: Store): Promise<Map<string, string>> {
  const names = (await s.ws.docs.storedNames()).filter(n => n !== VOUCHES_DOC).sort()
  return new Map(await Promise.all(names.map(async n => [n, Buffer.from(Y.encodeStateAsUpdate(await s.ws.docs.get(n))).toString('base64')] as [string, string])))
}

export async function stateVectors (s: Store): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = {}
  for (const n of (await s.ws.docs.storedNames()).filter(n => n !== VOUCHES_DOC).sort()) out[n] = [...Y.encodeStateVector(await s.ws.docs.get(n))]
  return out
}

/** A one-shot result from a hub that garbles every room: the workspace's ends with `workspaceError`, every account's as undecodable. */
export function expectGarbled (documents: Array<{ name: string, error?: string }>, workspaceError: string): void {
  expect(documents.find(d => d.name === 'workspace')?.error).toBe(workspaceError)
  const accounts = documents.filter(d => d.name !== 'workspace')
  expect(accounts.length).toBeGreaterThan(0)
  for (const d of accounts) expect(d.error).toMatch(/^undecodable message/)
}
