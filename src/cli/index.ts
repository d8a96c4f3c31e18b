/**
 * The CLI layer: the `pat` command. Commands are declared with commander (one module per command group in
 * commands/), print through an `Io` (so the same command can run in this process or, when another process
 * holds the workspace, inside that one via the control socket), and every command that prints data takes
 * `--json`. Errors are one line on stderr with a non-zero exit.
 */
export { main, runCli } from './main.js'
