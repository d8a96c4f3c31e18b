/**
 * Printing a read command's answer so that it is kept (store/output-cache.ts) and, while the workspace has not
 * changed, printed again from the kept file without reading the workspace: `pat account list`, `pat due` and
 * `pat status`, as text or JSON (docs/startup.md, tenth round). Only where this process opens the workspace
 * itself and writes to its own stdout: a command forwarded into the app or `pat serve` prints as usual.
 */
import { printable } from '../domain/printable.js'
import type { OutputKey, Store, WorkspaceOptions } from '../store/index.js'
import { BUILD_ID } from './build-id.js'
import { openOrForward, withStore, type CliContext } from './context.js'
import { jsonParts, outAll, type WriteOptions } from './io.js'

/**
 * Parts already safe for a terminal — JSON text (cli/io.ts jsonText) or text made printable — written as they
 * are, so that what is kept is exactly what was printed.
 */
const SAFE: WriteOptions = { json: true }

/**
 * Prints the parts `make` gives (ending in a newline), kept under `key` (the program's build is added to its
 * variant). `make` must give text already safe for a terminal: `jsonAnswer` or `textAnswer`.
 */
export async function printKept (ctx: CliContext, key: OutputKey, opts: WorkspaceOptions, make: (store: Store) => Promise<Iterable<string>>): Promise<void> {
  const { outBytes, outParts } = ctx.io
  if (ctx.shared || !outBytes || !outParts) {
    outAll(ctx.io, await withStore(ctx, make, opts), SAFE)
    return
  }
  const built = { ...key, variant: `${BUILD_ID} ${key.variant}` }
  const store = await openOrForward(ctx, opts, { key: built, write: chunk => outBytes(chunk) })
  if (!store) return // printed from the kept file
  try {
    const parts = await make(store)
    const recorder = await store.recordOutput(built)
    try {
      outParts(recorder.tee(parts), SAFE)
    } catch (err) {
      recorder.discard()
      throw err
    }
    await recorder.keep()
  } finally {
    await store.close()
  }
}

/** The answer as printJson prints it: its JSON text, then a newline (given as a part, so the file holds it too). */
export function * jsonAnswer (value: unknown): Generator<string> {
  yield * jsonParts(value)
  yield '\n'
}

/** Text as `io.out` prints it: made printable (keeping this program's colours if `styled`), ending in a newline. */
export function textAnswer (text: string, styled = false): string[] {
  const safe = printable(text, { keepStyle: styled })
  return safe.endsWith('\n') ? [safe] : [safe, '\n']
}
