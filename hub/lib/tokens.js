// @ts-check
/**
 * The hub's tokens file: one record per member token, the token itself never stored, only its SHA-256.
 *
 *   { "version": 1,
 *     "tokens": [ { "id": "k3x9…", "team": "<team id>", "member": "Bo Chen", "sha256": "<hex>",
 *                   "created": "<ISO time>", "revoked": "<ISO time>"? } ] }
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

/**
 * @typedef {{ id: string, team: string, member: string, sha256: string, created: string, revoked?: string }} TokenRecord
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
    (r.revoked === undefined || typeof r.revoked === 'string')
}

/** @param {string} path @param {TokensFile} data */
function writeTokens (path, data) {
  const tmp = `${path}.${process.pid}.tmp`
  writeFileSync(tmp, JSON.stringify(data, null, 2) + '\n', { mode: 0o600 })
  renameSync(tmp, path)
}

/**
 * A new token for a member of a team, recorded by its hash. The token is returned once and never again.
 * @param {string} path @param {{ team: string, member: string }} who
 * @returns {{ token: string, record: TokenRecord }}
 */
export function addToken (path, { team, member }) {
  if (!TEAM_ID.test(team)) throw new HubError(`"${team}" is not a team id (letters, digits, - and _, up to 64): copy "team.id" from a member's workspace.json`)
  const label = member.trim()
  if (!label) throw new HubError('the member label is empty: give the member\'s name, e.g. --member "Bo Chen"')
  const data = readTokens(path)
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url')
  const record = { id: randomBytes(5).toString('hex'), team, member: label, sha256: hashToken(token), created: new Date().toISOString() }
  data.tokens.push(record)
  writeTokens(path, data)
  return { token, record }
}

/**
 * Revokes the token with this id, or every live token of the member with this label (of one team when given).
 * @param {string} path @param {string} nameOrId @param {string} [team]
 * @returns {TokenRecord[]} the records revoked now
 */
export function revokeTokens (path, nameOrId, team) {
  const data = readTokens(path)
  const live = data.tokens.filter(r => !r.revoked && (team === undefined || r.team === team))
  const byId = live.filter(r => r.id === nameOrId)
  const hit = byId.length ? byId : live.filter(r => r.member.toLowerCase() === nameOrId.trim().toLowerCase())
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

  /** @param {string} id */
  isLive (id) {
    return this.records.some(r => r.id === id && !r.revoked)
  }
}
