// Loopback ports for tests and benchmarks (plain JS, so bench/ can use it as well as the TS tests).
import { createServer, connect } from 'node:net'

/** A port free right now on 127.0.0.1. */
export async function freePort () {
  const server = createServer()
  await new Promise(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address()
  await new Promise(resolve => server.close(() => resolve()))
  return port
}

/** Resolves once something accepts connections on 127.0.0.1:port; throws after `ms`. */
export async function waitForPort (port, ms) {
  const deadline = Date.now() + ms
  while (!await new Promise(resolve => {
    const socket = connect(port, '127.0.0.1', () => { socket.destroy(); resolve(true) }).on('error', () => resolve(false))
  })) {
    if (Date.now() > deadline) throw new Error(`nothing listened on 127.0.0.1:${port} within ${ms} ms`)
    await new Promise(resolve => setTimeout(resolve, 50))
  }
}
