/**
 * Where a workspace lives: `--home DIR`, else `PAT_HOME`, else `$XDG_DATA_HOME/patdesk`
 * (`~/.local/share/patdesk`). One home holds one member's copy of one team's workspace.
 */
import { createHash } from 'node:crypto'
import { homedir, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

export interface HomePaths {
  root: string
  config: string
  db: string
  /** Each document's state vector at the last clean close, for `pat doctor` (store/db-manifest.ts). */
  manifest: string
  identityKey: string
  identityPub: string
  /** The member's self-signed TLS certificate for peer sync, made once from the key (sync/tls.ts). */
  identityCert: string
  /** Invites this member has handed out and not yet seen spent (store/invites.ts). */
  invites: string
  /** Peers this member has met, to reconnect to (sync/peer/book.ts). */
  peers: string
  /** What the app's peer sync logs (the app has no console to print it on). */
  syncLog: string
  /** The team's hub, if it uses one: its URL and token (store/hub-config.ts). */
  hub: string
  socket: string
  lockInfo: string
  kb: string
  templates: string
  /** The app's last accounts screen, drawn at once on its next start (see src/ui/frame-cache.ts). */
  firstFrame: string
  /** Changes set aside: refused parts of what peers sent, a viewer's own unsent changes (store/set-aside.ts). */
  setAside: string
  /** The Yjs client ids this member wrote with (store/set-aside.ts). */
  ownClients: string
  /** Derived files read instead of whole key ranges of the database (store/range-aggregate.ts). */
  aggregates: string
}

export function resolveHome (flag?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (flag) return resolve(flag)
  if (env.PAT_HOME) return resolve(env.PAT_HOME)
  const data = env.XDG_DATA_HOME || join(homedir(), '.local', 'share')
  return join(data, 'patdesk')
}

export function homePaths (root: string): HomePaths {
  return {
    root,
    config: join(root, 'workspace.json'),
    db: join(root, 'db'),
    manifest: join(root, 'db-manifest.json'),
    identityKey: join(root, 'identity', 'member.key'),
    identityPub: join(root, 'identity', 'member.pub'),
    identityCert: join(root, 'identity', 'member.crt'),
    invites: join(root, 'invites.json'),
    peers: join(root, 'peers.json'),
    syncLog: join(root, 'sync.log'),
    hub: join(root, 'hub.json'),
    socket: socketPath(root),
    lockInfo: join(root, 'pat.pid'),
    kb: join(root, 'kb'),
    templates: join(root, 'templates'),
    firstFrame: join(root, 'first-frame.json'),
    setAside: join(root, 'set-aside'),
    ownClients: join(root, 'own-clients'),
    aggregates: join(root, 'aggregates')
  }
}

/** Unix socket paths are limited to about 100 bytes, so a deep home gets a short path in the temp dir. */
function socketPath (root: string): string {
  const inside = join(root, 'pat.sock')
  if (inside.length < 100) return inside
  return join(tmpdir(), `pat-${createHash('sha256').update(root).digest('hex').slice(0, 16)}.sock`)
}
