// A TCP proxy on 127.0.0.1 between two peers, for network fault tests. Each accepted connection is joined
// to the target port and treated by its plan:
//   cutAfter   both sockets are destroyed once that many bytes (both directions together) have been
//              forwarded — the last chunk is cut to the exact count, so a cut usually falls mid-frame
//   jitter     each direction is re-chunked — bytes waiting are sent in pieces of random size after a random
//              delay, so reads are split and coalesced differently from how they were written; TCP keeps
//              the byte order, and so does the proxy (a later piece never overtakes an earlier one)
// Randomness comes from the given seeded PRNG. It keeps a count of connections and of those still open, and
// tells listeners when a connection opens and closes.
// `stall()` turns the connections open at that moment into black holes, as a pulled cable would: nothing more
// is forwarded either way, and neither side hears of the other closing; connections made later are forwarded.

import { connect, createServer, type Server, type Socket } from 'node:net'
import * as prng from 'lib0/prng'

export interface ConnectionPlan {
  cutAfter?: number
  jitter?: { maxChunk: number, maxDelayMs: number }
}

export interface ProxyConnection { id: number, opened: number, closed?: number, forwarded: number, cut: boolean, stalled: boolean }

export class TcpProxy {
  readonly connections: ProxyConnection[] = []
  private readonly sockets = new Set<Socket>()
  private readonly listeners = new Set<(c: ProxyConnection, event: 'open' | 'close') => void>()

  private constructor (private readonly server: Server, readonly port: number) {}

  /** Listens on a free loopback port and forwards to `target`; `plan` decides each connection's faults. */
  static async start (target: number, gen: prng.PRNG, plan: (c: ProxyConnection) => ConnectionPlan = () => ({})): Promise<TcpProxy> {
    const server = createServer(client => proxy.join(client, target, gen, plan))
    await new Promise<void>((resolve, reject) => { server.once('error', reject); server.listen(0, '127.0.0.1', resolve) })
    const proxy: TcpProxy = new TcpProxy(server, (server.address() as { port: number }).port)
    return proxy
  }

  get address (): string { return `127.0.0.1:${this.port}` }
  get open (): number { return this.connections.filter(c => c.closed === undefined).length }

  /** Black-holes the connections open now (see the top). */
  stall (): void {
    for (const c of this.connections) if (c.closed === undefined) c.stalled = true
  }

  on (listener: (c: ProxyConnection, event: 'open' | 'close') => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  async close (): Promise<void> {
    for (const s of this.sockets) s.destroy()
    await new Promise<void>(resolve => this.server.close(() => resolve()))
  }

  private join (client: Socket, target: number, gen: prng.PRNG, plan: (c: ProxyConnection) => ConnectionPlan): void {
    const c: ProxyConnection = { id: this.connections.length, opened: Date.now(), forwarded: 0, cut: false, stalled: false }
    this.connections.push(c)
    const p = plan(c)
    const upstream = connect(target, '127.0.0.1')
    const both = [client, upstream]
    let ended = false
    const end = () => {
      if (ended || c.stalled) return // a stalled connection's sockets stay open until the proxy closes
      ended = true
      for (const s of both) { s.destroy(); this.sockets.delete(s) }
      c.closed = Date.now()
      for (const l of this.listeners) l(c, 'close')
    }
    for (const s of both) {
      this.sockets.add(s)
      s.setNoDelay(true)
      s.on('error', end)
    }
    /**
     * Forwards what `from` reads to `to`, honouring the cut and the jitter; when `from` closes, what is still
     * waiting is delivered first (a close is not a cut).
     */
    const pipe = (from: Socket, to: Socket) => {
      const waiting: Buffer[] = []
      let pumping = false
      let fromClosed = false
      from.on('close', () => { fromClosed = true; if (!pumping) end() })
      const write = (chunk: Buffer) => {
        if (ended || c.stalled) return
        const room = p.cutAfter === undefined ? chunk.length : p.cutAfter - c.forwarded
        const piece = chunk.subarray(0, Math.max(0, room))
        c.forwarded += piece.length
        if (piece.length > 0) to.write(piece)
        if (p.cutAfter !== undefined && c.forwarded >= p.cutAfter) { c.cut = true; end() }
      }
      const pump = async () => {
        if (pumping || !p.jitter) return
        pumping = true
        while (waiting.length > 0 && !ended) { // eslint-disable-line no-unmodified-loop-condition -- end() sets it meanwhile
          await new Promise(resolve => setTimeout(resolve, prng.int32(gen, 0, p.jitter!.maxDelayMs)))
          const all = Buffer.concat(waiting.splice(0)) // coalesce whatever has arrived meanwhile
          const size = Math.min(all.length, prng.int32(gen, 1, p.jitter.maxChunk))
          if (size < all.length) waiting.unshift(all.subarray(size))
          write(all.subarray(0, size))
        }
        pumping = false
        if (fromClosed) end()
      }
      from.on('data', (chunk: Buffer) => {
        if (!p.jitter) { write(chunk); return }
        waiting.push(chunk)
        void pump()
      })
    }
    pipe(client, upstream)
    pipe(upstream, client)
    for (const l of this.listeners) l(c, 'open')
  }
}
