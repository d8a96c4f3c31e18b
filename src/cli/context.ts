/**
 * What a command runs with: its output, the home it works on, and the store — opened here, or the
 * already-open one of the process that a command was forwarded to. A command that finds the workspace
 * locked by a process with a control socket is forwarded there; if the holder has no socket (another
 * short command), it waits briefly and tries again, and only then reports the lock in plain words.
 */
import { readFile } from 'node:fs/promises'
import type { ChunkWriter, OutputKey, Store, WorkspaceOptions } from '../store/index.js'
import { Forwarded } from './errors.js'
import type { Io } from './io.js'

export interface CliContext {
  io: Io
  argv: string[]
  /** Set when running inside the process that holds the workspace (forwarded commands, the app). */
  shared?: Store
  /** The home, from --home, PAT_HOME or the XDG default (filled in once options are parsed). */
  home: () => string
}

/** How long a command waits for a workspace held by a process without a control socket. */
const LOCK_WAIT_MS = Number(process.env.PAT_LOCK_WAIT_MS ?? 10_000)

/** For commands that only read accounts (the directory, account documents): see store/workspace.ts. */
export const READS_ACCOUNTS = { accountsOnly: true } as const

/** Runs `fn` on the store, opened with `opts` (READS_ACCOUNTS, or as usual). */
export async function withStore<T> (ctx: CliContext, fn: (store: Store) => Promise<T>, opts: Pick<WorkspaceOptions, 'accountsOnly' | 'deferWorkspace'> = {}): Promise<T> {
  if (ctx.shared) {
    // Routed into the app, which loads its workspace document after its first screen (store/workspace.ts
    // deferWorkspace): a command that may need it waits for it.
    if (!opts.accountsOnly) await ctx.shared.ws.workspaceDoc()
    return fn(ctx.shared)
  }
  const store = await openOrForward(ctx, opts)
  try {
    return await fn(store)
  } finally {
    await store.close()
  }
}

/** A kept answer to print instead of opening the store, when it is current (store/output-cache.ts). */
export interface Replay { key: OutputKey, write: ChunkWriter }

/** Opens the store, or forwards the command to the process holding it; with `replay`, undefined once that answer was printed. */
export async function openOrForward (ctx: CliContext, opts: WorkspaceOptions, replay: Replay): Promise<Store | undefined>
export async function openOrForward (ctx: CliContext, opts: WorkspaceOptions): Promise<Store>
export async function openOrForward (ctx: CliContext, opts: WorkspaceOptions, replay?: Replay): Promise<Store | undefined> {
  const { Store, StoreError, homePaths } = await import('../store/index.js')
  const { forward } = await import('./control.js')
  const home = ctx.home()
  const paths = homePaths(home)
  const deadline = Date.now() + LOCK_WAIT_MS
  for (let delay = 25; ; delay = Math.min(delay * 2, 400)) {
    try {
      return await (replay ? Store.openOrReplay(home, opts, replay.key, replay.write) : Store.open(home, opts))
    } catch (err) {
      if (!(err instanceof StoreError) || err.kind !== 'locked') throw err
      const code = await forward(paths.socket, { argv: ctx.argv, cwd: ctx.io.cwd, columns: ctx.io.columns, color: ctx.io.color, terminal: Boolean(ctx.io.terminal) }, ctx.io)
      if (code !== undefined) throw new Forwarded(code)
      if (Date.now() > deadline) {
        const pid = await readFile(paths.lockInfo, 'utf8').then(t => ` (pid ${t.trim()})`, () => '')
        throw new StoreError('locked', `the workspace in ${home} is in use by another pat process${pid}; wait for it to finish or close it, then try again`)
      }
      await new Promise(resolve => setTimeout(resolve, delay))
    }
  }
}
