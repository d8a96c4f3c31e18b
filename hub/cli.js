#!/usr/bin/env node
// @ts-check
/**
 * The `patdesk-hub` command (see README.md beside it):
 *
 *   patdesk-hub serve [--host H] [--port P] [--data DIR] [--tokens FILE] [--redis URL]
 *   patdesk-hub token add --team TEAM_ID --member "Bo Chen" [--role editor|viewer|owner]   prints the new token, once
 *   patdesk-hub token role NAME|ID ROLE [--team TEAM_ID]        a viewer's token is read-only
 *   patdesk-hub token list [--json]
 *   patdesk-hub token revoke NAME|ID [--team TEAM_ID]
 *   patdesk-hub room reset TEAM_ID/DOCUMENT [--data DIR]        empties a stored room (hub stopped)
 *
 * Every option also has an environment variable (config.js). Exit codes: 0 done, 1 bad input or a refused
 * action (one line on stderr), 2 a usage error.
 */
import { parseArgs } from 'node:util'
import { resolveConfig, USAGE } from './lib/config.js'
import { HubError } from './lib/errors.js'
import { parseRoom } from './lib/auth.js'
import { resetRoom } from './lib/persistence.js'
import { startHub } from './lib/server.js'
import { addToken, parseRole, readTokens, revokeTokens, setTokenRole } from './lib/tokens.js'

class UsageError extends Error {}

const OPTIONS = /** @type {const} */ ({
  host: { type: 'string' },
  port: { type: 'string' },
  data: { type: 'string' },
  tokens: { type: 'string' },
  redis: { type: 'string' },
  team: { type: 'string' },
  member: { type: 'string' },
  role: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }
})

/** @param {string[]} argv */
async function main (argv) {
  let parsed
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true })
  } catch (err) {
    throw new UsageError(/** @type {Error} */ (err).message)
  }
  const { values, positionals: [command, sub, ...rest] } = parsed
  if (values.help || !command) { console.log(USAGE); return }
  const config = resolveConfig(values, process.env)
  if (command === 'serve') {
    if (sub) throw new UsageError(`serve takes no argument (got "${sub}")`)
    return serve(config)
  }
  if (command === 'room') return room(config, sub, rest)
  if (command !== 'token') throw new UsageError(`unknown command "${command}"`)
  switch (sub) {
    case 'add': {
      if (!values.team || !values.member) throw new UsageError('token add needs --team TEAM_ID and --member "NAME"')
      const { token, record } = addToken(config.tokens, { team: values.team, member: values.member, role: parseRole(values.role ?? 'editor') })
      console.error(`token ${record.id} for ${record.member} (team ${record.team}${record.role === 'editor' ? '' : `, ${record.role}: ${record.role === 'viewer' ? 'read-only' : 'full access'}`}), kept as a hash in ${config.tokens}; it is shown only now:`)
      console.log(token)
      return
    }
    case 'list': {
      const { tokens } = readTokens(config.tokens)
      const rows = tokens.map(({ sha256, ...shown }) => shown)
      if (values.json) { console.log(JSON.stringify(rows, null, 2)); return }
      if (!rows.length) { console.log(`no tokens in ${config.tokens}`); return }
      for (const r of rows) console.log(`${r.id}  ${r.team}  ${r.member}  ${r.role ?? 'editor'}  created ${r.created}${r.revoked ? `  REVOKED ${r.revoked}` : ''}`)
      return
    }
    case 'revoke': {
      if (rest.length !== 1) throw new UsageError('token revoke needs one NAME or ID (quote a name with spaces)')
      for (const r of revokeTokens(config.tokens, rest[0], values.team)) console.log(`revoked ${r.id} (${r.member}, team ${r.team})`)
      return
    }
    case 'role': {
      if (rest.length !== 2) throw new UsageError('token role needs NAME|ID and ROLE (owner, editor or viewer)')
      const role = parseRole(rest[1])
      for (const r of setTokenRole(config.tokens, rest[0], role, values.team)) console.log(`${r.id} (${r.member}, team ${r.team}) is now ${role}${role === 'viewer' ? ': read-only' : ''}`)
      return
    }
    default:
      throw new UsageError(sub ? `unknown token command "${sub}": use add, list, role or revoke` : 'token needs add, list, role or revoke')
  }
}

/** @param {ReturnType<typeof resolveConfig>} config @param {string | undefined} sub @param {string[]} rest */
async function room (config, sub, rest) {
  if (sub !== 'reset') throw new UsageError(sub ? `unknown room command "${sub}": use reset` : 'room needs reset')
  if (rest.length !== 1 || !parseRoom(rest[0])) throw new UsageError('room reset needs one room, TEAM_ID/DOCUMENT (e.g. k7m2q9x4v3w8t6p5/workspace)')
  const had = await resetRoom(config.data, rest[0])
  console.log(had ? `emptied ${rest[0]}: the next member to sync fills it again from their copy` : `${rest[0]} is not stored in ${config.data}: nothing to empty`)
}

/** @param {ReturnType<typeof resolveConfig>} config */
async function serve (config) {
  const log = (/** @type {string} */ line) => console.log(`${new Date().toISOString()} ${line}`)
  const hub = await startHub({ ...config, log })
  let stopping = false
  const stop = async () => {
    if (stopping) process.exit(1) // a second signal: do not wait any longer
    stopping = true
    log('stopping: storing open rooms')
    await hub.close()
    log('stopped')
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

try {
  await main(process.argv.slice(2))
} catch (err) {
  if (err instanceof UsageError) {
    console.error(`usage error: ${err.message}\n\n${USAGE}`)
    process.exitCode = 2
  } else if (err instanceof HubError) {
    console.error(`error: ${err.message}`)
    process.exitCode = 1
  } else {
    console.error(`internal error: ${/** @type {Error} */ (err)?.stack ?? String(err)}`)
    process.exitCode = 70
  }
}
