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
  /** Whether the output is a terminal: tables are cut to `columns` only then, a pipe gets whole values. */
  terminal?: boolean
  /** The caller's working directory, for relative paths in arguments. */
  cwd: string
}

export function processIo (): Io {
  return {
    out: t => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
    err: t => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
    columns: process.stdout.columns || Number(process.env.COLUMNS) || 80,
    color: Boolean(process.stdout.isTTY) && !('NO_COLOR' in process.env),
    terminal: Boolean(process.stdout.isTTY),
    cwd: process.cwd()
  }
}

/** The width tables are cut to: the terminal's, or none when the output goes to a pipe or a file. */
export function tableWidth (io: Io): number {
  return io.terminal ? io.columns : Number.POSITIVE_INFINITY
}

export function printJson (io: Io, value: unknown): void {
  io.out(JSON.stringify(value, null, 2))
}
