// @ts-check
/**
 * Who may open which room. PAT Desk syncs one room per Yjs document, named `<team id>/<document>`
 * (`3f2a…/workspace`, `3f2a…/account/abc`); a member's token opens the rooms of its own team and nothing else.
 * The token arrives in Hocuspocus's Auth message, once per room; the tokens file is checked for changes on
 * every authentication, so a token added or revoked by the CLI counts from the next one, without a restart.
 * Revoking also ends the rooms a member has open (closeRevoked, run when the file changes).
 */
import { Refused } from './errors.js'
import { TEAM_ID } from './tokens.js'

/** @typedef {import('./tokens.js').TokenBook} TokenBook */
/** @typedef {{ tokenId: string, team: string, member: string, role: import('./tokens.js').Role }} MemberContext */

const MAX_DOCUMENT = 512

/** A room name as logs and reasons show it: quoted, escaped (a name can hold anything), cut at 80. @param {string} room */
const shown = room => JSON.stringify(room.slice(0, 80))

/**
 * The team and document of a room name, or undefined when it is not `<team id>/<document>`.
 * @param {string} room
 */
export function parseRoom (room) {
  const slash = room.indexOf('/')
  const team = room.slice(0, slash)
  const document = room.slice(slash + 1)
  if (slash < 1 || !TEAM_ID.test(team) || !document || document.length > MAX_DOCUMENT) return undefined
  return { team, document }
}

/**
 * The `onAuthenticate` hook: resolves to the member's context (kept on the connection), or throws Refused.
 * @param {TokenBook} book @param {(line: string) => void} log
 */
export function authenticator (book, log) {
  /** @param {{ token: string, documentName: string, connectionConfig: { readOnly: boolean } }} payload @returns {Promise<MemberContext>} */
  return async ({ token, documentName, connectionConfig }) => {
    try {
      const who = check(token, documentName)
      // A viewer's connection is read-only: Hocuspocus answers its updates without applying them.
      if (who.role === 'viewer') connectionConfig.readOnly = true
      return who
    } catch (err) {
      log(`refused ${shown(documentName)}: ${/** @type {Error} */ (err).message}`)
      throw err
    }
  }

  /** @param {string} token @param {string} documentName @returns {MemberContext} */
  function check (token, documentName) {
    try {
      book.refresh()
    } catch (err) { // a file damaged while the hub runs: keep deciding by the last good one
      log(`tokens file unreadable, using the last good copy: ${/** @type {Error} */ (err).message}`)
    }
    const room = parseRoom(documentName)
    if (!room) throw new Refused(`room ${shown(documentName)} is not <team id>/<document>`)
    if (!token) throw new Refused('no token')
    const record = book.find(token)
    if (!record) throw new Refused('unknown token')
    if (record.revoked) throw new Refused(`token revoked (${record.member}, ${record.revoked.slice(0, 10)})`)
    if (record.team !== room.team) throw new Refused(`this token is for team ${record.team}; room ${shown(documentName)} is another team's`)
    return { tokenId: record.id, team: record.team, member: record.member, role: record.role ?? 'editor' }
  }
}

/**
 * Makes every open room follow the tokens file: a token made a viewer's turns its connections read-only (and
 * back). Ends every room opened with a token that is no longer live: the room's Hocuspocus connection is closed (the
 * client gets a CLOSE message with the reason), then its WebSocket, so that the client's reconnect must
 * authenticate again — and is refused.
 * @param {import('@hocuspocus/server').Hocuspocus} hocuspocus @param {TokenBook} book @param {(line: string) => void} log
 * @returns {number} rooms closed
 */
export function closeRevoked (hocuspocus, book, log) {
  let closed = 0
  for (const document of hocuspocus.documents.values()) {
    for (const connection of document.getConnections()) {
      /** @type {MemberContext | undefined} */
      const who = connection.context
      if (!who?.tokenId) continue
      const role = book.roleOf(who.tokenId)
      if (role !== undefined) { // a role changed while connected counts at once
        if (connection.readOnly !== (role === 'viewer')) log(`${who.member} is now ${role === 'viewer' ? 'read-only' : 'writing'} in ${document.name}`)
        connection.readOnly = role === 'viewer'
        continue
      }
      const reason = `token revoked (${who.member})`
      connection.close({ code: 4403, reason })
      connection.webSocket.close(4403, reason)
      closed++
      log(`closed ${document.name} for ${who.member}: token revoked`)
    }
  }
  return closed
}
