/**
 * The invites a member has handed out (`invites.json` in the home, mode 0600 — it holds the secrets, like
 * the private key): each single-use, with a role and an expiry. An invite is marked used — by whom — before
 * the newcomer is added to the roster, so a code works once, and a join retried by the same key after a
 * crash still completes. Written atomically (files.ts); only the process holding the workspace writes it.
 * Spent and expired invites are dropped a week after they stop mattering.
 */
import { readJsonFile, writeFileAtomic } from './files.js'
import type { Role } from './schema.js'

export interface Invite {
  id: string
  /** The shared secret (base64url) the newcomer proves knowledge of. */
  secret: string
  role: Role
  createdAt: string
  expiresAt: string
  createdBy: string
  usedBy?: string
  usedAt?: string
}

const KEEP_MS = 7 * 24 * 3600 * 1000

export class InviteBook {
  constructor (private readonly path: string) {}

  async list (): Promise<Invite[]> {
    const invites = await readJsonFile(this.path, 'the invite list', 'remove it and invite again', value => {
      const data = value as { version?: unknown, invites?: unknown }
      if (data?.version !== 1 || !Array.isArray(data.invites)) throw new Error('unknown format')
      return data.invites as Invite[]
    })
    return invites ?? []
  }

  async get (id: string): Promise<Invite | undefined> {
    return (await this.list()).find(i => i.id === id)
  }

  async add (invite: Invite): Promise<void> {
    await this.save([...(await this.list()), invite])
  }

  async markUsed (id: string, memberId: string): Promise<void> {
    const now = new Date().toISOString()
    await this.save((await this.list()).map(i => (i.id === id && !i.usedBy ? { ...i, usedBy: memberId, usedAt: now } : i)))
  }

  private async save (invites: Invite[]): Promise<void> {
    const cutoff = Date.now() - KEEP_MS
    const kept = invites.filter(i => Date.parse(i.usedAt ?? i.expiresAt) > cutoff)
    await writeFileAtomic(this.path, JSON.stringify({ version: 1, invites: kept }, null, 2) + '\n', 0o600)
  }
}
