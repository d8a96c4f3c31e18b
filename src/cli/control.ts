/**
 * The control socket: how a second `pat` command works while the app or `pat serve` holds the workspace
 * (LevelDB admits one process per directory). The holder listens on a Unix socket in the home (mode 0600);
 * a command that finds the database locked sends its arguments there and the holder runs it on its open
 * workspace, streaming the output back.
 *
 * Wire format: newline-delimited JSON, one request per connection.
 *   client → server  {"type":"run","argv":[…],"cwd":"/…","columns":80,"color":false,"terminal":true}
 *   server → client  {"type":"out","text":"…","styled"?:true} | {"type":"err","text":"…"} (any number)
 *                    {"type":"exit","code":0} (last)
 * Any other request type is answered with an err line and exit code 2.
 */
import { createConnection, createServer, type Server } from 'node:net'
import { chmod, rm } from 'node:fs/promises'
import type { Io } from './io.js'

export interface RunRequest { type: 'run', argv: string[], cwd: string, columns: number, color: boolean, terminal?: boolean }
export type Reply = { type: 'out' | 'err', text: string, styled?: boolean } | { type: 'exit', code: number }
export type Runner = (req: RunRequest, io: Io) => Promise<number>

const MAX_REQUEST = 1 << 20

/** Sends a command to the process holding the workspace; undefined when nobody is listening. */
export function forward (socketPath: string, req: Omit<RunRequest, 'type'>, io: Io): Promise<number | undefined> {
  return new Promise(resolve => {
    const sock = createConnection(socketPath)
    let buffer = ''
    let connected = false
    let code: number | undefined
    sock.setEncoding('utf8')
    sock.on('connect', () => { connected = true; sock.write(JSON.stringify({ type: 'run', ...req }) + '\n') })
    sock.on('data', (chunk: string) => {
      buffer += chunk
      let nl: number
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const reply = JSON.parse(buffer.slice(0, nl)) as Reply
        buffer = buffer.slice(nl + 1)
        if (reply.type === 'exit') code = reply.code
        else if (reply.type === 'out') io.out(reply.text, { styled: Boolean(reply.styled) })
        else io.err(reply.text)
      }
    })
    sock.on('error', () => resolve(connected ? 3 : undefined))
    sock.on('close', () => resolve(code ?? (connected ? 3 : undefined)))
  })
}

/** Listens for forwarded commands and runs them one at a time with `run`. */
export async function serveControl (socketPath: string, run: Runner): Promise<Server> {
  await rm(socketPath, { force: true }) // we hold the database lock, so any socket file here is stale
  let queue: Promise<unknown> = Promise.resolve()
  const server = createServer(sock => {
    let buffer = ''
    sock.setEncoding('utf8')
    const send = (r: Reply) => { if (!sock.destroyed) sock.write(JSON.stringify(r) + '\n') }
    sock.on('error', () => sock.destroy())
    sock.on('data', (chunk: string) => {
      buffer += chunk
      if (buffer.length > MAX_REQUEST) { send({ type: 'err', text: 'error: request too large' }); send({ type: 'exit', code: 2 }); sock.end(); return }
      const nl = buffer.indexOf('\n')
      if (nl < 0) return
      sock.pause()
      let req: RunRequest
      try {
        req = JSON.parse(buffer.slice(0, nl)) as RunRequest
        if (req.type !== 'run' || !Array.isArray(req.argv)) throw new Error(`unknown request type ${String(req.type)}`)
      } catch (err) {
        send({ type: 'err', text: `error: bad control request: ${(err as Error).message}` }); send({ type: 'exit', code: 2 }); sock.end(); return
      }
      const io: Io = {
        out: (text, opts) => send({ type: 'out', text, ...(opts?.styled ? { styled: true } : {}) }),
        err: text => send({ type: 'err', text }),
        columns: req.columns || 80,
        color: Boolean(req.color),
        terminal: Boolean(req.terminal),
        cwd: req.cwd || process.cwd()
      }
      queue = queue.then(() => run(req, io)).then(code => { send({ type: 'exit', code }); sock.end() }, () => { send({ type: 'exit', code: 70 }); sock.end() })
    })
  })
  await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(socketPath, resolve) })
  await chmod(socketPath, 0o600)
  return server
}
