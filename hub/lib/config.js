// @ts-check
/** The hub's settings: a command-line option wins over its environment variable, which wins over the default. */
import { resolve } from 'node:path'
import { HubError } from './errors.js'

export const USAGE = `patdesk-hub: the PAT Desk team hub (a Hocuspocus server)

  patdesk-hub serve [--host H] [--port P] [--data DIR] [--tokens FILE] [--redis URL]
  patdesk-hub token add --team TEAM_ID --member "NAME" [--role editor|viewer|owner]   prints a new token once
  patdesk-hub token role NAME|ID ROLE [--team TEAM_ID]   a viewer's token is read-only
  patdesk-hub token list [--json]
  patdesk-hub token revoke NAME|ID [--team TEAM_ID]
  patdesk-hub room reset TEAM_ID/DOCUMENT [--data DIR]   empties a stored room (stop the hub first)

  option     environment   default
  --host     HOST          127.0.0.1
  --port     PORT          1234
  --data     HUB_DATA      ./hub-data      (LevelDB; one directory per instance)
  --tokens   HUB_TOKENS    ./tokens.json
  --redis    REDIS_URL     unset: one instance (or REDIS_HOST and REDIS_PORT)
             HUB_REDIS_PREFIX  patdesk-hub`

/**
 * @param {{ host?: string, port?: string, data?: string, tokens?: string, redis?: string }} flags
 * @param {NodeJS.ProcessEnv} env
 */
export function resolveConfig (flags, env) {
  const portText = flags.port ?? env.PORT ?? '1234'
  const port = Number(portText)
  if (!/^\d+$/.test(portText) || port > 65535) throw new HubError(`port "${portText}" is not a port number (0–65535; 0 takes any free port)`)
  const redis = flags.redis ?? env.REDIS_URL ?? (env.REDIS_HOST || env.REDIS_PORT ? `redis://${env.REDIS_HOST ?? '127.0.0.1'}:${env.REDIS_PORT ?? 6379}` : undefined)
  if (redis !== undefined && !/^rediss?:\/\//.test(redis)) throw new HubError(`Redis URL "${redis}" does not start with redis:// or rediss://`)
  return {
    host: flags.host ?? env.HOST ?? '127.0.0.1',
    port,
    data: resolve(flags.data ?? env.HUB_DATA ?? 'hub-data'),
    tokens: resolve(flags.tokens ?? env.HUB_TOKENS ?? 'tokens.json'),
    redis: redis || undefined,
    redisPrefix: env.HUB_REDIS_PREFIX || 'patdesk-hub'
  }
}
