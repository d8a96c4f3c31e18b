/**
 * Help (`?`): the keys of the screen it was opened from, generated from the key table the screens use —
 * so it cannot drift from what the keys do.
 */
import { useState } from 'react'
import { Box, Text } from 'ink'
import { TitleLine } from '../components/chrome.js'
import { pad } from '../format/cells.js'
import { commandsFor, formatKeys, type ScreenId } from '../keys/key-table.js'
import { useCommands } from '../keys/use-commands.js'
import { useTheme } from '../theme/context.js'

export const SCREEN_NAMES: Record<ScreenId, string> = {
  accounts: 'Accounts', filter: 'Accounts: filter', welcome: 'Welcome', 'welcome.name': 'Welcome: your name',
  'account.profile': 'Account: Profile', 'account.contacts': 'Account: Contacts', 'account.checklist': 'Account: Checklist',
  'account.plan': 'Account: Action Plan', 'account.cip': 'Account: CIP', 'account.activity': 'Account: Activity',
  due: 'Due dates', knowledge: 'Knowledge search', reader: 'Reader', help: 'Help', input: 'Editing a field', form: 'Form'
}

/** The help lines of a screen: keys, then what they do. */
export function helpLines (screen: ScreenId): Array<{ keys: string, label: string }> {
  return commandsFor(screen).map(c => ({ keys: formatKeys(c.keys), label: c.label }))
}

export function HelpScreen ({ screen, height, width, onClose }: { screen: ScreenId, height: number, width: number, onClose: () => void }) {
  const theme = useTheme()
  const lines = helpLines(screen)
  const view = Math.max(1, height - 3)
  const [top, setTop] = useState(0)
  const max = Math.max(0, lines.length - view)
  const go = (t: number) => setTop(Math.max(0, Math.min(max, t)))
  useCommands('help', {
    'help.close': onClose,
    'nav.up': () => go(top - 1),
    'nav.down': () => go(top + 1),
    'nav.pageUp': () => go(top - view),
    'nav.pageDown': () => go(top + view),
    'nav.top': () => go(0),
    'nav.bottom': () => go(max)
  })
  const keyWidth = Math.min(24, Math.max(...lines.map(l => l.keys.length)) + 2)
  return (
    <Box flexDirection='column' width={width} height={height}>
      <TitleLine title={`Help — keys on ${SCREEN_NAMES[screen]}`} right='? or Esc closes' width={width} />
      <Text wrap='truncate' {...theme.text.secondary}>Every edit saves at once into the workspace; u undoes your last one. Nothing is ever unsaved.</Text>
      {lines.slice(top, top + view).map((l, i) => (
        <Text key={top + i} wrap='truncate'><Text {...theme.text.key}>{pad(l.keys, keyWidth)}</Text>{l.label}</Text>
      ))}
      <Box flexGrow={1} />
      {max > 0 ? <Text {...theme.text.secondary}>↑↓ scroll · {top + 1}–{Math.min(lines.length, top + view)} of {lines.length}</Text> : null}
    </Box>
  )
}
