/**
 * Invites: the one-time code an owner hands a new member, and the join handshake that spends it.
 *
 * The code is `pat1.` + base64url(JSON) of
 *   { t: team id, f: inviter's member id, a: ["host:port", …] where the inviter listens,
 *     i: invite id, s: secret (32 random bytes, base64url), e: expiry (ms since the epoch) }
 * It is a bearer secret until spent: whoever holds it can join once, before it expires.
 *
 * The handshake, on a mutual-TLS connection to the inviter's join path (transport.ts):
 *   joiner → inviter   JOIN    invite id, the joiner's name, proof
 *                               proof = base64url HMAC-SHA256(key = secret,
 *                                         "pat-join/1\n" team id "\n" invite id "\n" joiner's member id)
 *   inviter → joiner   JOINED  role     the joiner is in the roster; sync frames follow on this connection
 *                   or ERROR   reason   and close: unknown invite or wrong proof, used by another key,
 *                                       expired, or the inviter is no longer an owner
 * The joiner pins the inviter's member id from the code (its TLS certificate must prove it), so the code
 * cannot be spent on an impostor. It never sends the secret, only a proof bound to the member id its own
 * certificate proves, so a proof is worth nothing to another key. The inviter marks the invite used by that
 * member id before adding it to the roster: a second use fails; the same key retrying after a crash does not.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { InputError } from '../domain/index.js'
import type { Role, Store } from '../store/index.js'
import { parseAddress } from './address.js'
import { FRAME, readFrame, writeJoin, type JoinRequest } from './frames.js'
import { loadSigner } from './identity.js'
import type { PeerConnection } from './transport.js'

export interface InviteCode {
  team: string
  inviter: string
  addresses: string[]
  invite: string
  secret: string
  expiresAt: number
}

const PREFIX = 'pat1.'

export function encodeInvite (c: InviteCode): string {
  const json = JSON.stringify({ t: c.team, f: c.inviter, a: c.addresses, i: c.invite, s: c.secret, e: c.expiresAt })
  return PREFIX + Buffer.from(json).toString('base64url')
}

/** Reads a code; anything malformed is an InputError saying so. */
export function decodeInvite (code: string): InviteCode {
  const bad = (why: string) => new InputError(`this is not a valid invite code (${why}): copy the whole code that \`pat team invite\` printed`)
  const text = code.trim()
  if (!text.startsWith(PREFIX)) throw bad(`it should start with "${PREFIX}"`)
  let raw: Record<string, unknown>
  try {
    raw = JSON.parse(Buffer.from(text.slice(PREFIX.length), 'base64url').toString('utf8')) as Record<string, unknown>
  } catch {
    throw bad('it is damaged or cut short')
  }
  const str = (v: unknown) => typeof v === 'string' && v.length > 0 && v.length <= 200
  if (!raw || !str(raw.t) || !str(raw.f) || !str(raw.i) || !str(raw.s) || typeof raw.e !== 'number' ||
      !Array.isArray(raw.a) || raw.a.length === 0 || !raw.a.every(a => typeof a === 'string' && validAddress(a))) {
    throw bad('it is damaged or cut short')
  }
  return { team: raw.t as string, inviter: raw.f as string, addresses: raw.a as string[], invite: raw.i as string, secret: raw.s as string, expiresAt: raw.e }
}

function validAddress (a: string): boolean {
  try { return parseAddress(a) === a } catch { return false }
}

export function joinProof (secret: string, team: string, invite: string, memberId: string): string {
  return createHmac('sha256', Buffer.from(secret, 'base64url')).update(`pat-join/1\n${team}\n${invite}\n${memberId}`).digest('base64url')
}

const TTL = /^(\d{1,4})(m|h|d)$/
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const

/** "30m", "24h", "7d" → milliseconds (1 minute to 30 days). */
export function parseTtl (text: string): number {
  const m = TTL.exec(text.trim())
  const ms = m ? Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS] : NaN
  if (!(ms >= UNIT_MS.m && ms <= 30 * UNIT_MS.d)) throw new InputError(`--ttl "${text}" is not a duration from 1m to 30d: use e.g. 30m, 24h or 7d`)
  return ms
}

/** Refuses unless this member is an owner (checked before anything else an invite needs). */
export function checkCanInvite (store: Store): void {
  const role = store.roster.role(store.ws.member.id)
  if (role !== 'owner') throw new InputError(`only an owner can invite: you are ${role === 'viewer' ? 'a viewer' : role ? `an ${role}` : 'not in the roster'}`)
}

/** Creates an invite (the caller must be an owner) and returns its code. */
export async function createInvite (store: Store, opts: { role: Role, ttlMs: number, addresses: string[] }): Promise<{ code: string, expiresAt: string }> {
  const me = store.ws.member.id
  checkCanInvite(store)
  if (opts.role === 'owner') throw new InputError('invite as editor or viewer; make the new member an owner afterwards with `pat team role MEMBER owner`')
  const now = Date.now()
  const invite = { id: randomBytes(9).toString('base64url'), secret: randomBytes(32).toString('base64url') }
  const expiresAt = new Date(now + opts.ttlMs).toISOString()
  await store.invites.add({ ...invite, role: opts.role, createdAt: new Date(now).toISOString(), expiresAt, createdBy: me })
  const code = encodeInvite({ team: store.ws.config.team.id, inviter: me, addresses: opts.addresses, invite: invite.id, secret: invite.secret, expiresAt: now + opts.ttlMs })
  return { code, expiresAt }
}

/** The inviter's side: checks a join request and adds the joiner to the roster; throws InputError with the reason. */
export async function acceptJoin (store: Store, req: JoinRequest, joiner: { id: string, publicKeyPem: string }): Promise<Role> {
  const invite = await store.invites.get(req.invite)
  const expected = invite && joinProof(invite.secret, store.ws.config.team.id, invite.id, joiner.id)
  if (!invite || !expected || !sameText(expected, req.proof)) throw new InputError('this invite code is not valid for this team: ask an owner for a new one')
  if (invite.usedBy && invite.usedBy !== joiner.id) throw new InputError('this invite code has already been used: ask an owner for a new one')
  if (!invite.usedBy && Date.parse(invite.expiresAt) < Date.now()) throw new InputError(`this invite code expired at ${invite.expiresAt}: ask an owner for a new one`)
  if (store.roster.role(store.ws.member.id) !== 'owner') throw new InputError('the member who invited you is no longer an owner: ask an owner for a new invite')
  const name = req.name.trim().replace(/\s+/g, ' ')
  if (!name) throw new InputError('a name is required to join')
  await store.invites.markUsed(invite.id, joiner.id)
  const existing = store.roster.get(joiner.id)
  if (existing && !existing.removed) return existing.role
  await store.roster.add({ id: joiner.id, name, role: invite.role, publicKey: joiner.publicKeyPem }, await loadSigner(store.ws.paths.identityKey))
  return invite.role
}

function sameText (a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

/**
 * The joiner's side: sends the proof and waits for the verdict. Resolves with the role granted; frames
 * after JOINED wait on the connection for the sync session. Rejects with the inviter's reason.
 */
export function requestJoin (conn: PeerConnection, code: InviteCode, memberId: string, name: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { conn.close(); reject(new InputError('the inviter did not answer the join request in time: try again')) }, timeoutMs)
    const done = () => { clearTimeout(timer); conn.onFrame(undefined) }
    conn.onFrame(data => {
      done()
      try {
        const frame = readFrame(data)
        if (frame.type === FRAME.JOINED) { resolve(frame.role); return }
        conn.close()
        reject(new InputError(frame.type === FRAME.ERROR ? frame.reason : 'the inviter answered the join request with something else'))
      } catch (err) {
        conn.close()
        reject(new InputError(`the inviter's answer is garbled: ${(err as Error).message}`))
      }
    })
    conn.onClose(reason => { done(); reject(new InputError(reason ? `the inviter closed the connection: ${reason}` : 'the inviter closed the connection before answering')) })
    conn.send(writeJoin({ invite: code.invite, name, proof: joinProof(code.secret, code.team, code.invite, memberId) }))
  })
}
