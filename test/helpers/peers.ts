// Peer nodes on loopback for sync tests: a store's node listening on 127.0.0.1 (a free port), with its
// log kept for assertions, and short reconnection delays.
import type { Store } from '../../src/store/index.js'
import { PeerNode, type PeerNodeOptions } from '../../src/sync/peer/node.js'
import { loadTls } from '../../src/sync/tls.js'

export interface TestNode { node: PeerNode, log: string[], address: string }

export async function startNode (store: Store, opts: Omit<Partial<PeerNodeOptions>, 'listen'> & { listen?: PeerNodeOptions['listen'] | false } = {}): Promise<TestNode> {
  const log: string[] = []
  const { listen, ...rest } = opts
  const node = await PeerNode.start({
    store,
    tls: (await loadTls(store.ws.paths)).tls,
    log: line => log.push(line),
    backoff: { baseMs: 50, maxMs: 400 },
    ...(listen === false ? {} : { listen: listen ?? { host: '127.0.0.1', port: 0 } }),
    ...rest
  })
  return { node, log, address: `127.0.0.1:${node.port ?? 0}` }
}
