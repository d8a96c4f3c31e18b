/**
 * Entry point of `pat`: runs one command line and returns its exit code. Only what every run needs is
 * imported up front; the command tree (and with it the store) loads on demand, so the knowledge-base
 * commands start fast.
 */
import type { Store } from '../store/index.js'
import { processIo, type Io } from './io.js'
import { fastKb } from './kb-fast.js'
import { paintCachedFrame } from './terminal.js'

/** Runs one command line; `shared` is the open store when running inside the process that holds it. */
export async function runCli (argv: string[], io: Io, shared?: Store): Promise<number> {
  const [{ runProgram }, { pickGroups }] = await Promise.all([import('./program.js'), import('./commands/index.js')])
  return runProgram(argv, io, pickGroups, shared)
}

export async function main (argv: string[]): Promise<number> {
  paintCachedFrame(argv)
  const io = processIo()
  const code = await fastKb(argv, io)
  return code ?? runCli(argv, io)
}
