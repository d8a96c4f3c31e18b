/**
 * `pat frobnicate`, `pat acount list`: a first word that is no command gets "unknown command" with the
 * nearest command names (by edit distance, or names it begins), else the list of commands.
 */
import type { Command } from 'commander'
import { boundedDistance } from '../kb/typos.js'

/** The first word of `argv` that is not an option (or the value of the program's own --home). */
export function commandWord (argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--') return argv[i + 1]
    if (a === '--home') { i++; continue }
    if (!a.startsWith('-')) return a
  }
  return undefined
}

/** The nearest of `names` to `word`: within two edits (one for short words), or beginning with it. */
export function nearest (word: string, names: readonly string[]): string[] {
  const w = word.toLowerCase()
  const max = w.length >= 6 ? 2 : w.length >= 3 ? 1 : 0
  return names
    .map(name => ({ name, d: name.startsWith(w) && w.length >= 2 ? 0.5 : boundedDistance(w, name, max) }))
    .filter(c => c.d <= max)
    .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name))
    .slice(0, 3)
    .map(c => c.name)
}

/** The error lines for an unknown first word, or undefined when it names a command (or there is none). */
export function unknownCommand (program: Command, argv: readonly string[]): string | undefined {
  const word = commandWord(argv)
  if (word === undefined) return undefined
  const names = [...program.commands.flatMap(c => [c.name(), ...c.aliases()]), 'help']
  if (names.includes(word)) return undefined
  const near = nearest(word, names)
  const hint = near.length
    ? `did you mean ${near.map(n => `pat ${n}`).join(', or ')}?`
    : `the commands are ${names.filter(n => n !== 'help').join(', ')}; \`pat --help\` says what each does`
  return `error: unknown command '${word}': ${hint}`
}
