/**
 * Where the app writes exported documents: `<home>/exports/` by default (never the folder the app was
 * started from — that was the source checkout), changeable in the export form. A folder typed there may
 * start with `~` (the user's home); a relative one is taken inside the workspace home.
 */
import { homedir } from 'node:os'
import { isAbsolute, join, resolve } from 'node:path'

export function defaultExportDir (home: string): string {
  return join(home, 'exports')
}

export function exportFolder (typed: string, home: string, userHome: string = homedir()): string {
  const t = typed.trim()
  if (t === '') return defaultExportDir(home)
  if (t === '~') return userHome
  if (t.startsWith('~/')) return join(userHome, t.slice(2))
  return isAbsolute(t) ? resolve(t) : resolve(home, t)
}
