/**
 * `pat hub set URL [--token T]`, `pat hub show`, `pat hub clear`: the hub this member syncs through, kept in
 * the home (store/hub-config.ts; the token in a file only the member can read). `pat sync --hub [URL]` (sync.ts
 * hands it to `syncViaHub` here) does one exchange through the hub — the given one, else the one set — and
 * exits 0 once every document is in sync with it, 1 with the reason when the hub cannot be reached, does not
 * finish in time, refuses the token, or a document's room ended early (the others are synced all the same).
 */
import type { Command } from 'commander'
import { InputError } from '../../domain/index.js'
import { readConfig } from '../../store/config.js'
import { homePaths } from '../../store/home.js'
import type { Store } from '../../store/index.js'
import { clearHubConfig, readHubConfig, writeHubConfig, type HubConfig } from '../../store/hub-config.js'
import { parseHubUrl } from '../../sync/hub/url.js'
import type { HubSyncResult } from '../../sync/hub/client.js'
import { withStore, type CliContext } from '../context.js'
import { hostOf } from '../host.js'
import { printJson } from '../io.js'

export function registerHub (program: Command, ctx: CliContext): void {
  const hub = program.command('hub').description('the hub (a y-websocket or Hocuspocus server) this member syncs through: set, show, clear')

  hub.command('set').argument('<url>', 'ws://HOST:PORT or wss://… of a y-websocket server, hocuspocus+ws://HOST:PORT or hocuspocus+wss://… of a Hocuspocus server')
    .description('sync through this hub (pat sync --hub)')
    .option('--token <token>', 'the token the hub asks for (kept in a file only you can read)')
    .action(async (url: string, opts: { token?: string }) => {
      await workspacePaths(ctx)
      const cfg: HubConfig = { url: parseHubUrl(url).url, ...(opts.token ? { token: opts.token } : {}) }
      const running = await withStore(ctx, async store => {
        await writeHubConfig(store.ws.paths.hub, cfg)
        return useHub(store, cfg)
      })
      ctx.io.out(`hub set to ${cfg.url}${opts.token ? ' (with a token)' : ''}: ${running ? 'syncing through it now' : 'pat serve and the app sync through it, pat sync --hub once'}`)
    })

  hub.command('show').description('the hub set, if any (never the token itself)')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const cfg = await readHubConfig((await workspacePaths(ctx)).hub)
      const shown = cfg ? { url: cfg.url, token: cfg.token !== undefined } : null
      if (opts.json) { printJson(ctx.io, shown); return }
      ctx.io.out(shown ? `hub: ${shown.url}${shown.token ? ' (with a token)' : ''}` : 'no hub set: pat hub set URL')
    })

  hub.command('clear').description('stop using a hub (forgets its URL and token)')
    .action(async () => {
      await workspacePaths(ctx)
      const cleared = await withStore(ctx, async store => {
        const had = await clearHubConfig(store.ws.paths.hub)
        await useHub(store, undefined)
        return had
      })
      ctx.io.out(cleared ? 'hub cleared' : 'no hub was set')
    })
}

/** `pat sync --hub [URL] [--token T]`: `hub` is the URL given, or true to use the one set. */
export async function syncViaHub (ctx: CliContext, opts: { hub: string | true, token?: string, timeoutMs: number, json?: boolean }): Promise<void> {
  const stored = await readHubConfig(homePaths(ctx.home()).hub)
  const hub = resolveHub(opts.hub, stored)
  const token = opts.token ?? (stored && stored.url === hub ? stored.token : undefined)
  const { syncThroughHub } = await import('../../sync/hub/client.js')
  const result = await withStore(ctx, store => syncThroughHub({ store, url: hub, ...(token ? { token } : {}), timeoutMs: opts.timeoutMs, report: line => ctx.io.err(line) }))
  if (opts.json) printJson(ctx.io, result)
  else ctx.io.out(summary(result))
  const failed = result.documents.filter(d => d.error !== undefined)
  if (failed.length > 0) {
    const [first] = failed
    throw new InputError(`${failed.length} of ${result.documents.length} documents not synced through ${result.hub}: ${first!.name}: ${first!.error}${failed.length > 1 ? ` (and ${failed.length - 1} more)` : ''}`)
  }
}

function resolveHub (given: string | true, stored: HubConfig | undefined): string {
  if (given !== true) return parseHubUrl(given).url
  if (!stored) throw new InputError('no hub set: give one (pat sync --hub ws://HOST:PORT) or set it with pat hub set URL')
  return parseHubUrl(stored.url).url
}

function summary (r: HubSyncResult): string {
  const count = (n: number) => `${n} document${n === 1 ? '' : 's'}`
  const synced = r.documents.filter(d => d.error === undefined)
  const received = synced.filter(d => d.received).length
  const sent = synced.filter(d => d.sent).length
  const held = synced.filter(d => d.held).length
  const refused = synced.filter(d => d.refused !== undefined).length
  return `synced ${count(synced.length)} through ${r.hub}: received changes to ${received}, sent changes to ${sent}` +
    (held > 0 ? `; ${count(held)} had changes that build on others not here yet (they come on a later sync)` : '') +
    (refused > 0 ? `; ${count(refused)} had changes set aside (pat sync set-aside list)` : '')
}

/**
 * Hands the setting to the hub link of the process hosting the workspace (`pat serve`, the app: the command
 * was routed there), which follows it at once; false when nothing hosts it here.
 */
async function useHub (store: Store, cfg: HubConfig | undefined): Promise<boolean> {
  const hub = hostOf(store)?.hub
  await hub?.use(cfg)
  return hub !== undefined
}

/** The home's paths, once it holds a workspace. */
async function workspacePaths (ctx: CliContext) {
  const home = ctx.home()
  const paths = homePaths(home)
  if (!await readConfig(paths.config)) throw new InputError(`no workspace in ${home}: run \`pat init --name "Your Name"\` first`)
  return paths
}
