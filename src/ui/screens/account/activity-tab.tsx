/**
 * The Activity tab: the account's audit log, newest first — when, who, and what changed (undos included).
 * Enter shows the selected entry whole, wrapped (a row is cut at the terminal's edge).
 */
import { useState } from 'react'
import { Box } from 'ink'
import { Text } from '../../components/text.js'
import { TextPanel } from '../../components/text-panel.js'
import { activityDetail, activityLines, newestFirst } from '../../format/activity.js'
import { scrollInfo } from '../../format/window.js'
import { useAppServices } from '../../contexts/app-context.js'
import { useActivity } from '../../hooks/use-account.js'
import { useListCursor } from '../../hooks/use-list.js'
import { useCommands } from '../../keys/use-commands.js'
import { useTheme } from '../../theme/context.js'
import type { TabProps } from './types.js'

export function ActivityTab ({ account, common, height, width, unseen = [] }: TabProps) {
  const { store } = useAppServices()
  const theme = useTheme()
  const snap = useActivity(store, account.id)
  const entries = newestFirst(snap.data ?? [])
  // Entries that are teammates' changes not seen before this opening start with "•".
  const isNew = new Set(unseen.map(c => `${c.at}|${c.by}|${c.summary}`))
  const lines = activityLines(snap.data ?? []).map((l, i) => {
    const e = entries[i]
    return e && isNew.has(`${e.at}|${e.by}|${e.summary}`) ? `• ${l}` : l
  })
  const listHeight = Math.max(1, height - 1)
  const cursor = useListCursor(lines.map((_, i) => String(i)), listHeight)
  const [shown, setShown] = useState(false)
  const selected = entries[cursor.index]
  useCommands('account.activity', { ...common, ...cursor.handlers, 'activity.show': () => { if (selected) setShown(true) } }, { active: !shown })
  if (shown && selected) return <TextPanel title='Activity entry' text={activityDetail(selected)} height={height} width={width} onClose={() => setShown(false)} />
  const info = scrollInfo(cursor.top, listHeight, lines.length)
  return (
    <Box flexDirection='column' width={width} height={height}>
      <Text wrap='truncate' {...theme.text.secondary}>{snap.loaded ? `${lines.length} entries, newest first${unseen.length ? ` · • ${unseen.length} new` : ''}${info ? ` · ${info}` : ''} · Enter shows one whole · who changed what, when` : 'Loading…'}</Text>
      {lines.slice(cursor.top, cursor.top + listHeight).map((l, i) => {
        const sel = cursor.top + i === cursor.index
        return <Text key={cursor.top + i} wrap='truncate' {...(sel ? theme.selection : {})}>{sel ? '› ' : '  '}{l}</Text>
      })}
    </Box>
  )
}
