/**
 * The peers this member has met (`peers.json` in the home): member id, name, the address that reached them,
 * when they were last connected and last fully in sync. A peer node dials the remembered addresses when it
 * starts; `pat sync status` lists them. Each change rewrites the file atomically (files.ts), one write at a
 * time. It is only a memory of addresses: a damaged file is kept aside (peers.json.damaged-TIME), said so
 * once (`notice`), and the book starts afresh — never silently overwritten.
 */
import { readFile, rename } from 'node:fs/promises'
import { setAside } from '../../store/debug.js'
import { writeFileAtomic } from '../../store/files.js'

export interface PeerRecord {
  id: string
  name: string
  address?: string
  lastSeen?: string
  lastSync?: string
}

export class PeerBook {
  private writing: Promise<void> = Promise.resolve()

  /** What was wrong with the file, once it was found damaged and kept aside. */
  notice: string | undefined

  constructor (private readonly path: string) {}

  async list (): Promise<PeerRecord[]> {
    let text: string
    try { text = await readFile(this.path, 'utf8') } catch { return [] }
    try {
      const data = JSON.parse(text) as { version: number, peers: PeerRecord[] }
      if (data?.version !== 1 || !Array.isArray(data.peers)) throw new Error('not a peer list')
      return data.peers.filter(p => typeof p?.id === 'string')
    } catch (err) {
      const kept = `${this.path}.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}`
      await rename(this.path, kept).catch(setAside(`peer book: keeping the unreadable ${this.path}`)) // it is read afresh either way
      this.notice = `${this.path} was unreadable (${(err as Error).message.slice(0, 80)}): kept as ${kept}; peers met from now on are remembered afresh`
      return []
    }
  }

  /** Records what is new about a peer (merged into what is known). */
  update (id: string, patch: Partial<Omit<PeerRecord, 'id'>>): Promise<void> {
    this.writing = this.writing.then(async () => {
      const peers = await this.list()
      const at = peers.findIndex(p => p.id === id)
      const known = at >= 0 ? peers[at] : undefined
      const next: PeerRecord = { ...(known ?? { id, name: id.slice(0, 8) }), ...patch, id }
      if (at >= 0) peers[at] = next
      else peers.push(next)
      await writeFileAtomic(this.path, JSON.stringify({ version: 1, peers }, null, 2) + '\n', 0o600)
    }).catch(setAside('peer book: noting a peer')) // a lost note of an address costs one manual --peer, never a sync
    return this.writing
  }

  /** Resolves when every update so far is written. */
  flush (): Promise<void> { return this.writing }
}
