// Processes for the tests and the benchmark of hub/ (the team's Hocuspocus server), on 127.0.0.1 only: the hub
// itself run from its own bin (`node hub/cli.js serve`), a throwaway redis-server, and members as stock
// @hocuspocus/provider clients over plain Y.Docs. Plain JS, so that bench/ (which runs without a TS loader) can
// use it too. Every wait is bounded; whatever is started is stopped by its close().
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { HocuspocusProvider } from '@hocuspocus/provider'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { freePort, waitForPort } from './ports.mjs'
import { waitFor } from './wait.mjs'

export const HUB_CLI = fileURLToPath(new URL('../../hub/cli.js', import.meta.url))
export const REDIS_SERVER = '/usr/bin/redis-server'

/** The tests' one waitFor (wait.mjs), for the hub tests and bench/hub-cluster.js that import it from here. */
export { waitFor }

async function stopChild (child, ms = 10_000) {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), ms)
  await exited
  clearTimeout(timer)
}

/** A redis-server on a free loopback port (or this one), nothing saved to disk. */
export async function startRedis (port) {
  port ??= await freePort()
  const child = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' })
  try {
    await Promise.race([waitForPort(port, 10_000), once(child, 'error').then(([err]) => { throw err })])
  } catch (err) {
    await stopChild(child)
    throw err
  }
  return { url: `redis://127.0.0.1:${port}`, port, close: () => stopChild(child) }
}

/**
 * `patdesk-hub serve` on a free port of 127.0.0.1 (or `host`, a loopback address) with this data directory and
 * tokens file (and Redis URL). `url` is the address it says it bound. Its output is kept (`output()`);
 * `close()` stops it with SIGTERM, as an operator would.
 * @param {{ data: string, tokens: string, redis?: string, host?: string }} opts
 */
export async function startHub ({ data, tokens, redis, host = '127.0.0.1' }) {
  const env = { ...process.env, HOST: host, PORT: '0', HUB_DATA: data, HUB_TOKENS: tokens }
  delete env.REDIS_URL
  if (redis) env.REDIS_URL = redis
  const child = spawn(process.execPath, [HUB_CLI, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const [bound, port] = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the hub did not start within 15 s:\n${output}`)), 15_000)
    const onData = chunk => {
      output += chunk
      const m = /listening on ws:\/\/(\S+):(\d+)/.exec(output)
      if (m) { clearTimeout(timer); resolve([m[1], Number(m[2])]) }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.once('exit', code => { clearTimeout(timer); reject(new Error(`the hub exited (${code}) before listening:\n${output}`)) })
  }).catch(async err => { await stopChild(child); throw err })
  return { url: `ws://${bound}:${port}`, port, pid: child.pid, output: () => output, close: () => stopChild(child) }
}

/**
 * A member's copy of one room: a Y.Doc (with this client id, if given) synced through a stock provider.
 * `synced` resolves on the hub's first sync; `refused` resolves with the PermissionDenied reason, if any;
 * `closed` resolves with the reason of a CLOSE the hub sends.
 */
export function joinRoom (url, room, token, clientId) {
  const doc = new Y.Doc()
  if (clientId !== undefined) doc.clientID = clientId
  let onRefused, onClosed
  const refused = new Promise(resolve => { onRefused = resolve })
  const closed = new Promise(resolve => { onClosed = resolve })
  let onSynced
  const synced = new Promise(resolve => { onSynced = resolve })
  const provider = new HocuspocusProvider({
    url,
    name: room,
    document: doc,
    token,
    WebSocketPolyfill: WebSocket,
    onSynced: () => onSynced(),
    onAuthenticationFailed: ({ reason }) => onRefused(reason),
    onClose: ({ event }) => { if (event.reason) onClosed(event.reason) }
  })
  return {
    doc,
    provider,
    synced,
    refused,
    closed,
    /** Resolves once every local change has been acknowledged by the hub. */
    settled: ms => waitFor(() => provider.isSynced && !provider.hasUnsyncedChanges, ms, `${room} to be acknowledged by the hub`),
    leave: () => provider.destroy()
  }
}

/**
 * A member's token for `team`, added to this tokens file by the hub's CLI (`token add`); `role` as the hub's
 * CLI takes it (editor when left out).
 * @param {string} tokens @param {string} team @param {string} member @param {string} [role]
 * @returns {Promise<string>}
 */
export async function hubToken (tokens, team, member, role) {
  return (await hubCli(['token', 'add', '--team', team, '--member', member, ...(role ? ['--role', role] : [])], tokens)).stdout.trim()
}

/** Runs the hub's CLI (`token add …` etc.) with this tokens file; resolves with its output and exit code. */
export async function hubCli (args, tokens) {
  const child = spawn(process.execPath, [HUB_CLI, ...args], { env: { ...process.env, HUB_TOKENS: tokens }, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', c => { stdout += c })
  child.stderr.on('data', c => { stderr += c })
  const [code] = await once(child, 'exit')
  return { code, stdout, stderr }
}
