/**
 * The app's frame lines: a screen's title line (title left, key hints right), the one-line message area,
 * the status bar (workspace, member, sync state) and the tab bar of the account screen.
 */
import { Box } from 'ink'
import { Text } from './text.js'
import { pad, textWidth, truncate } from '../format/cells.js'
import { toneStyle, type Tone } from '../theme/theme.js'
import { useTheme } from '../theme/context.js'

/**
 * `keep: 'title'` (the default) drops the hint on the right when both do not fit; `keep: 'right'` shortens
 * the title instead (the reader's position and its way out matter more than the rest of a long title).
 */
export function TitleLine ({ title, right = '', width, keep = 'title' }: { title: string, right?: string, width: number, keep?: 'title' | 'right' }) {
  const theme = useTheme()
  const fits = keep === 'right' ? textWidth(right) + 12 <= width : textWidth(title) + textWidth(right) + 2 <= width
  const r = fits ? right : ''
  const left = truncate(title, width - textWidth(r) - 1)
  return (
    <Text wrap='truncate'>
      <Text {...theme.text.heading}>{left}</Text>
      <Text {...theme.text.secondary}>{' '.repeat(Math.max(1, width - textWidth(left) - textWidth(r)))}{r}</Text>
    </Text>
  )
}

/** The message area: the message's lines, wrapped (format/text.ts messageLines). */
export function MessageLine ({ lines, tone }: { lines: readonly string[], tone: Tone | undefined }) {
  const theme = useTheme()
  return <>{lines.map((l, i) => <Text key={i} wrap='truncate' {...toneStyle(theme, tone)}>{l}</Text>)}</>
}

export function StatusBar ({ team, member, sync, width }: { team: string, member: string, sync: string, width: number }) {
  const theme = useTheme()
  const right = `${sync} · ? help `
  const left = truncate(` PAT Desk · ${team} · ${member}`, width - textWidth(right) - 1)
  return <Text wrap='truncate' {...theme.bar}>{pad(left, width - textWidth(right))}{right}</Text>
}

export function TabBar ({ tabs, active, width }: { tabs: ReadonlyArray<{ label: string, short: string }>, active: number, width: number }) {
  const theme = useTheme()
  const titles = tabTitles(tabs, width)
  return (
    <Box width={width}>
      <Text wrap='truncate'>
        {titles.map((t, i) => (
          <Text key={i}>
            <Text {...(i === active ? theme.tab.active : theme.tab.inactive)}>{t}</Text>
            {' '}
          </Text>
        ))}
      </Text>
    </Box>
  )
}

/**
 * The tab titles that fit the width: ` 1 Profile `, else the short words (` 4 Plan `), else the short
 * words unpadded, else the numbers — never a title cut in the middle (`5 C…`).
 */
export function tabTitles (tabs: ReadonlyArray<{ label: string, short: string }>, width: number): string[] {
  const fits = (titles: string[]) => titles.reduce((a, t) => a + textWidth(t) + 1, 0) - 1 <= width
  const candidates = [
    tabs.map((t, i) => ` ${i + 1} ${t.label} `),
    tabs.map((t, i) => ` ${i + 1} ${t.short} `),
    tabs.map((t, i) => `${i + 1} ${t.short}`),
    tabs.map((_, i) => ` ${i + 1} `)
  ]
  return candidates.find(fits) ?? candidates[candidates.length - 1]!
}
