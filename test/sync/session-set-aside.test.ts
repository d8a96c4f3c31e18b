// Errors a sync session sets aside on purpose leave a trace: a document the store cannot open while it is
// being offered does not end the session, and the debug log (PAT_DEBUG) names it.
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { debugLog, setAside, setDebugSink } from '../../src/store/debug.js'
import { SyncSession, type SyncTarget } from '../../src/sync/session.js'
import { waitFor } from '../helpers/cli.js'

afterEach(() => { setDebugSink(undefined) })

describe('errors set aside on purpose', () => {
  it('logs a document that could not be offered, and the session goes on with the others', async () => {
    const lines: string[] = []
    setDebugSink(line => { lines.push(line) })
    let changed: (name: string) => void = () => {}
    const good = new Y.Doc()
    const target: SyncTarget = {
      docNames: async () => [],
      has: async () => true,
      doc: async name => { if (name === 'account/broken') throw new Error('disk read failed'); return good },
      onChange: l => { changed = l; return () => {} }
    }
    const sent: Uint8Array[] = []
    const session = new SyncSession(target, frame => { sent.push(frame) })
    await session.start()
    const before = sent.length
    changed('account/broken')
    changed('account/fine')
    await waitFor(() => sent.length > before || undefined, 5000, 'the next document offered')
    // Only this session's lines: the debug sink is the module's, and a test file run before this one in the
    // same worker (isolate: false) may have left sessions of its own finishing.
    expect(lines.filter(l => l.includes('sync: offering'))).toEqual(['pat: debug: sync: offering account/broken: disk read failed'])
    session.close()
  })

  it('writes nothing without PAT_DEBUG, and never a control character', () => {
    const was = process.env.PAT_DEBUG
    delete process.env.PAT_DEBUG
    const writes: string[] = []
    const write = process.stderr.write
    process.stderr.write = ((s: string) => { writes.push(s); return true }) as typeof process.stderr.write
    try {
      debugLog('quiet', new Error('nobody asked'))
      process.env.PAT_DEBUG = '1'
      expect(setAside('noting a peer')(new Error('bad\u001b[2Jname'))).toBeUndefined()
    } finally {
      process.stderr.write = write
      if (was === undefined) delete process.env.PAT_DEBUG
      else process.env.PAT_DEBUG = was
    }
    expect(writes).toEqual(['pat: debug: noting a peer: bad [2Jname\n'])
  })
})
