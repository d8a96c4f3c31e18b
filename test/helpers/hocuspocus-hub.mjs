// A stock Hocuspocus 3 server (@hocuspocus/server, unmodified) for hub tests, run as a child process on
// 127.0.0.1:PORT. With TOKEN set, onAuthenticate refuses any other token. Documents are kept in memory for
// the life of the process (onChange stores each document's state, onLoadDocument brings it back), as a
// persistence extension would keep them on disk — without one, Hocuspocus forgets a document as soon as its
// last client leaves, and members who are never online together could not meet through it.
import { Server } from '@hocuspocus/server'
import * as Y from 'yjs'

const token = process.env.TOKEN
const stored = new Map()
const server = new Server({
  port: Number(process.env.PORT),
  address: '127.0.0.1',
  quiet: true,
  stopOnSignals: false,
  async onAuthenticate (data) {
    if (token && data.token !== token) throw new Error('invalid token')
  },
  async onLoadDocument ({ document, documentName }) {
    const state = stored.get(documentName)
    if (state) Y.applyUpdate(document, state)
  },
  async onChange ({ document, documentName }) {
    stored.set(documentName, Y.encodeStateAsUpdate(document))
  }
})
await server.listen()
process.stdout.write('listening\n')
