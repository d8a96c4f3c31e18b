/**
 * The debug log: errors the code sets aside on purpose (a cache that will catch up, a sync offer that fails
 * while the session goes on) leave a line here instead of no trace. Off unless PAT_DEBUG is set (any
 * value), then each line goes to stderr: `pat: debug: <what>: <message>`. The store is the lowest layer
 * that may do I/O, so sync, cli and ui use it from here.
 */

export type DebugSink = (line: string) => void

let sink: DebugSink | undefined

/** Sends the debug lines somewhere else (tests), or back to the default with `undefined`. */
export function setDebugSink (next: DebugSink | undefined): void {
  sink = next
}

/** Notes an error that is handled by setting it aside: `what` says what was being done and why it may go. */
export function debugLog (what: string, err: unknown): void {
  const out = sink ?? (process.env.PAT_DEBUG ? (line: string) => { process.stderr.write(line + '\n') } : undefined)
  if (!out) return
  const message = err instanceof Error ? err.message : String(err)
  out(`pat: debug: ${what}: ${message.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')}`) // eslint-disable-line no-control-regex -- an error may quote a peer's data
}

/** A catch handler for a promise whose failure is set aside on purpose: `p.catch(setAside('why'))`. */
export function setAside (what: string): (err: unknown) => undefined {
  return err => { debugLog(what, err); return undefined }
}
