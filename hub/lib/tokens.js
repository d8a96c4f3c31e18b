// @ts-check
/**
 * The hub's tokens file: one record per member token, the token itself never stored, only its SHA-256.
 *
 *   { "version": 1,
 *     "tokens": [ { "id": "k3x9…", "team": "<team id>", "member": "Bo Chen", "sha256": "<hex>",
 *                   "created": "<ISO time>", "revoked": "<ISO time>"?, "role": "viewer"? } ] }
 *
 * `role` is the member's role in the team (owner, editor, viewer; a record without one is an editor's, as
 * tokens were before roles). A viewer's token opens the team's rooms read-only (auth.js): the hub takes
 * nothing it sends, so a viewer's edits never reach the room, whatever their copy of PAT Desk does.
 *
 * A token opens only the rooms of its record's team, until the record is marked revoked (kept, so `token list`
 * still shows who had access and when it ended). The file is written whole to a temporary file and renamed
 * over the old one (mode 0600), so a hub reading it while the CLI writes sees the old file or the new one,
 * never half of one. The hub re-reads it whenever its size, time or inode changes (TokenBook).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { readFileSync, renameSync, statSync, writeFileSync } from 'node:fs'
import { HubError } from './errors.js'

/** Team ids as PAT Desk makes them (16 letters and digits); a little looser, but never a slash. */
export const TEAM_ID = /^[A-Za-z0-9_-]{1,64}$/
const TOKEN_PREFIX = 'pdh_'
export const ROLES = /** @type {const} */ (['owner', 'editor', 'viewer'])

/** @param {string} role @returns {Role} */
export function parseRole (role) {
  if (!(/** @type {readonly string[]} */ (ROLES)).includes(role)) throw new HubError(`unknown role "${role}": use owner, editor or viewer (the member's role in the team)`)
  return /** @type {Role} */ (role)
}

/**
 * @typedef {'owner' | 'editor' | 'viewer'} Role
 * @typedef {{ id: string, team: string, member: string, sha256: string, created: string, revoked?: string, role?: Role }} TokenRecord
 * @typedef {{ version: 1, tokens: TokenRecord[] }} TokensFile
 */

/** @param {string} token */
export const hashToken = token => createHash('sha256').update(token, 'utf8').digest('hex')

/** @param {string} path @returns {TokensFile} */
export function readTokens (path) {
  let text
  try {
    text = readFileSync(path, 'utf8')
  } catch (err) {
    if (/** @type {NodeJS.ErrnoException} */ (err).code === 'ENOENT') return { version: 1, tokens: [] }
    throw new HubError(`cannot read the tokens file ${path}: ${/** @type {Error} */ (err).message}`)
  }
  let data
  try {
    data = JSON.parse(text)
  } catch {
    throw new HubError(`the tokens file ${path} is not valid JSON: fix it or restore it from a backup`)
  }
  if (data?.version !== 1 || !Array.isArray(data.tokens) || !data.tokens.every(isRecord)) {
    throw new HubError(`the tokens file ${path} is not a PAT Desk hub tokens file (version 1): fix it or restore it from a backup`)
  }
  return data
}

/** @param {any} r @returns {r is TokenRecord} */
function isRecord (r) {
  return typeof r?.id === 'string' && typeof r.team === 'string' && TEAM_ID.test(r.team) && typeof r.member === 'string' &&
    typeof r.sha256 === 'string' && /^[0-9a-f]{64}$/.test(r.sha256) && typeof r.created === 'string' &&
    (r.revoked === undefined || typeof r.revoked === 'string') && (r.role === undefined || ROLES.includes(r.role))
}

/** @param {string} path @param {TokensFile} data */
function writeTokens (path, data) {
  const tmp = `${path}.${process.pid}.tmp`
  writeFileSync(tmp, JSON.stringify(data, null, 2) + '\n', { mode: 0o600 })
  renameSync(tmp, path)
}

/**
 * A new token for a member of a team, recorded by its hash. The token is returned once and never again.
 * @param {string} path @param {{ team: string, member: string, role?: Role }} who
 * @returns {{ token: string, record: TokenRecord }}
 */
export function addToken (path, { team, member, role = 'editor' }) {
  if (!TEAM_ID.test(team)) throw new HubError(`"${team}" is not a team id (letters, digits, - and _, up to 64): copy "team.id" from a member's workspace.json`)
  const label = member.trim()
  if (!label) throw new HubError('the member label is empty: give the member\'s name, e.g. --member "Bo Chen"')
  const data = readTokens(path)
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url')
  const record = { id: randomBytes(5).toString('hex'), team, member: label, sha256: hashToken(token), created: new Date().toISOString(), role }
  data.tokens.push(record)
  writeTokens(path, data)
  return { token, record }
}

/** The live records with this id, or else of the member with this label (of one team when given). @param {TokenRecord[]} records @param {string} nameOrId @param {string} [team] */
function liveMatches (records, nameOrId, team) {
  const live = records.filter(r => !r.revoked && (team === undefined || r.team === team))
  const byId = live.filter(r => r.id === nameOrId)
  return byId.length ? byId : live.filter(r => r.member.toLowerCase() === nameOrId.trim().toLowerCase())
}

/**
 * Sets the role of the token with this id, or of every live token of the member with this label — when an
 * owner changes a member's role in the team, so that the hub follows (a viewer's token is read-only).
 * @param {string} path @param {string} nameOrId @param {Role} role @param {string} [team]
 * @returns {TokenRecord[]} the records changed
 */
export function setTokenRole (path, nameOrId, role, team) {
  const data = readTokens(path)
  const hit = liveMatches(data.tokens, nameOrId, team)
  if (!hit.length) throw new HubError(`no live token has the id or member "${nameOrId}": see \`token list\``)
  for (const r of hit) r.role = role
  writeTokens(path, data)
  return hit
}

/**
 * Revokes the token with this id, or every live token of the member with this label (of one team when given).
 * @param {string} path @param {string} nameOrId @param {string} [team]
 * @returns {TokenRecord[]} the records revoked now
 */
export function revokeTokens (path, nameOrId, team) {
  const data = readTokens(path)
  const hit = liveMatches(data.tokens, nameOrId, team)
  if (!hit.length) {
    const gone = data.tokens.some(r => r.revoked && (r.id === nameOrId || r.member.toLowerCase() === nameOrId.trim().toLowerCase()))
    throw new HubError(gone ? `"${nameOrId}" is already revoked` : `no live token has the id or member "${nameOrId}": see \`token list\``)
  }
  const now = new Date().toISOString()
  for (const r of hit) r.revoked = now
  writeTokens(path, data)
  return hit
}

/**
 * What the server asks of the tokens file: which record a token is, read afresh whenever the file changed.
 * A missing file is an empty one (no token opens anything) — the operator can add tokens while the hub runs.
 */
export class TokenBook {
  /** @param {string} path */
  constructor (path) {
    this.path = path
    /** @type {TokenRecord[]} */
    this.records = []
    this.stamp = ''
    this.refresh()
  }

  /** Re-reads the file if it changed since the last read; true when it did. Throws on a damaged file (HubError). */
  refresh () {
    let stamp = 'missing'
    try {
      const s = statSync(this.path)
      stamp = `${s.ino}:${s.size}:${s.mtimeMs}`
    } catch {}
    if (stamp === this.stamp) return false
    this.records = readTokens(this.path).tokens
    this.stamp = stamp
    return true
  }

  /**
   * The record of a token (revoked ones too; the caller says why it refuses), or undefined.
   * @param {string} token
   */
  find (token) {
    const digest = Buffer.from(hashToken(token), 'hex')
    return this.records.find(r => timingSafeEqual(Buffer.from(r.sha256, 'hex'), digest))
  }

  /** The role a live token has now (undefined once revoked). @param {string} id @returns {Role | undefined} */
  roleOf (id) {
    const r = this.records.find(r => r.id === id && !r.revoked)
    return r ? r.role ?? 'editor' : undefined
  }

  /** @param {string} id */
  isLive (id) {
    return this.records.some(r => r.id === id && !r.revoked)
  }
}
