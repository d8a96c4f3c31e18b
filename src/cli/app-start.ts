/**
 * What the app's own bundle (src/cli/app-fast.ts, dist/bundle/app.cjs) arranges for the app's start, and the
 * app command waits on or calls; elsewhere — the ES module bundle, the tests — nothing is registered and both
 * are no-ops.
 * - `beforeUi`: Ink's layout engine is WebAssembly, instantiated off the main thread while the workspace
 *   opens; Ink may load only once it is there.
 * - `saveCodeCache`: the V8 code cache of app.cjs (bin/pat.cjs hands its writer over) holds the functions
 *   compiled when it is made, so the app makes it once it is live — first frame drawn, first keys answered,
 *   warm-up over — holding what a start runs, not what an hour of work compiled later (a larger cache costs
 *   more to read at every start).
 */
let ready: Promise<unknown> = Promise.resolve()
let writer: (() => void) | undefined

/** Registers what the app's start needs: the layout engine's loading, the code cache's writer. */
export function arrangeAppStart (opts: { beforeUi?: Promise<unknown>, writeCodeCache?: (() => void) | undefined }): void {
  if (opts.beforeUi) ready = opts.beforeUi
  writer = opts.writeCodeCache
}

/** Resolves when the app's interface may load. */
export function beforeUi (): Promise<unknown> {
  return ready
}

/** Writes the code cache if this start was given a writer; only the first call writes. */
export function saveCodeCache (): void {
  const write = writer
  writer = undefined
  try { write?.() } catch { /* only a faster next start is lost */ }
}
