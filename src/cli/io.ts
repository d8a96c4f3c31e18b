/**
 * Where a command's output goes. In a normal run that is stdout/stderr; when a command is forwarded to the
 * process that holds the workspace, the server collects it and streams it back to the caller.
 */
export interface Io {
  out (text: string): void
  err (text: string): void
  /** Terminal width for wrapping, and whether colour is wanted (NO_COLOR, not a TTY). */
  columns: number
  color: boolean
  /** The caller's working directory, for relative paths in arguments. */
  cwd: string
}

export function processIo (): Io {
  return {
    out: t => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
    err: t => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
    columns: process.stdout.columns || Number(process.env.COLUMNS) || 80,
    color: Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env),
    cwd: process.cwd()
  }
}

export function printJson (io: Io, value: unknown): void {
  io.out(JSON.stringify(value, null, 2))
}
