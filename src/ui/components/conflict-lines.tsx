/**
 * The lines a tab adds while some of its rows are in conflict (a merge replaced a teammate's value): its
 * first line says what the `!` marks mean and which keys pick a value, instead of its usual keys; the
 * selected row's fields in conflict are named at the bottom.
 */
import type { Conflict } from '../../store/index.js'
import { truncate } from '../format/cells.js'
import { conflictHint, inConflictText } from '../format/changes.js'
import { useTheme } from '../theme/context.js'
import { Text } from './text.js'

/** The tab's keys (`children`), or with conflicts what the marks mean. */
export function HintLine ({ conflicts, children }: { conflicts: number, children: string }) {
  const theme = useTheme()
  return conflicts
    ? <Text wrap='truncate' {...theme.conflict}>{conflictHint(conflicts)}</Text>
    : <Text wrap='truncate' {...theme.text.secondary}>{children}</Text>
}

/** The selected row's fields in conflict, or `otherwise` (its usual detail) when it has none. */
export function ConflictLine ({ conflicts, otherwise = '', short = true, width }: { conflicts: readonly Conflict[], otherwise?: string, short?: boolean, width: number }) {
  const theme = useTheme()
  return conflicts.length
    ? <Text wrap='truncate' {...theme.conflict}>{truncate(inConflictText(conflicts, short), width)}</Text>
    : <Text wrap='truncate' {...theme.text.secondary}>{truncate(otherwise, width)}</Text>
}
