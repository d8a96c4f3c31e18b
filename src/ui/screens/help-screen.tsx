/**
 * Help (`?`): the keys of the screen it was opened from, generated from the key table the screens use —
 * so it cannot drift from what the keys do.
 */
import { Box } from 'ink'
import { Text } from '../components/text.js'
import { TitleLine } from '../components/chrome.js'
import { pad } from '../format/cells.js'
import { wrapText } from '../format/text.js'
import { commandsFor, formatKeys, type ScreenId } from '../keys/key-table.js'
import { useCommands } from '../keys/use-commands.js'
import { useScroll } from '../hooks/use-scroll.js'
import { useTheme } from '../theme/context.js'

export const SCREEN_NAMES: Record<ScreenId, string> = {
  accounts: 'Accounts',
  filter: 'Accounts: filter',
  welcome: 'Welcome',
  'welcome.name': 'Welcome: your name',
  'account.profile': 'Account: Profile',
  'account.contacts': 'Account: Contacts',
  'account.checklist': 'Account: Checklist',
  'account.plan': 'Account: Action Plan',
  'account.cip': 'Account: CIP',
  'account.activity': 'Account: Activity',
  'account.entries': 'Account: a list (locations, CIP action steps)',
  due: 'Due dates',
  knowledge: 'Knowledge search',
  reader: 'Reader',
  help: 'Help',
  input: 'Editing a field',
  form: 'Form',
  editor: 'Editing a long text',
  confirm: 'A question',
  entry: 'Activity entry',
  conflict: 'A field in conflict'
}

/** The help lines of a screen: keys, then what they do. */
export function helpLines (screen: ScreenId): Array<{ keys: string, label: string }> {
  return commandsFor(screen).map(c => ({ keys: formatKeys(c.keys), label: c.label }))
}

/**
 * The help lines laid out at a width: the keys in a column, each label word-wrapped beside them (a long
 * label continues on the next line under itself, never cut at 80 columns).
 */
export function helpRows (lines: ReadonlyArray<{ keys: string, label: string }>, width: number): { keyWidth: number, rows: Array<{ keys: string, text: string }> } {
  const keyWidth = Math.min(24, Math.max(0, ...lines.map(l => l.keys.length)) + 2)
  const rows = lines.flatMap(l => {
    // Keys wider than their column get a line of their own.
    const head = l.keys.length > keyWidth - 1 ? [{ keys: l.keys, text: '' }] : []
    const wrapped = wrapText(l.label, Math.max(10, width - keyWidth))
    return [...head, ...wrapped.map((text, i) => ({ keys: i === 0 && !head.length ? l.keys : '', text }))]
  })
  return { keyWidth, rows }
}

export function HelpScreen ({ screen, height, width, onClose }: { screen: ScreenId, height: number, width: number, onClose: () => void }) {
  const theme = useTheme()
  const intro = wrapText('Every edit saves at once into the workspace; on data screens u undoes your last one and U redoes it. Nothing is ever unsaved.', width)
  const { keyWidth, rows: lines } = helpRows(helpLines(screen), width)
  const view = Math.max(1, height - 2 - intro.length)
  const { top, handlers } = useScroll(lines.length, view)
  const max = Math.max(0, lines.length - view)
  useCommands('help', { 'help.close': onClose, ...handlers })
  return (
    <Box flexDirection='column' width={width} height={height}>
      <TitleLine title={`Help — keys on ${SCREEN_NAMES[screen]}`} right='? or Esc closes' width={width} />
      {intro.map((l, i) => <Text key={`i${i}`} wrap='truncate' {...theme.text.secondary}>{l}</Text>)}
      {lines.slice(top, top + view).map((l, i) => (
        <Text key={top + i} wrap='truncate'>{l.keys.length >= keyWidth ? <Text {...theme.text.key}>{l.keys}</Text> : <><Text {...theme.text.key}>{pad(l.keys, keyWidth)}</Text>{l.text}</>}</Text>
      ))}
      <Box flexGrow={1} />
      {max > 0 ? <Text {...theme.text.secondary}>↑↓ scroll · {top + 1}–{Math.min(lines.length, top + view)} of {lines.length}</Text> : null}
    </Box>
  )
}
