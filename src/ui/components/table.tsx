/**
 * A table of one-line rows with a selected row, drawn by our own column renderer rather than
 * @alcalzone/ink-table: ink-table draws a rule between every two rows and a box around the table (two
 * lines per account, nine accounts at 80×24), sizes columns to their longest cell with no way to cut
 * them (a long name pushes the table past 80 columns), hard-codes a colour for its header, and cannot
 * mark a selected row. Here each row is one line, columns share the width (format/cells.ts), the
 * selected row is inverse, and cells take their tone from the theme.
 */
import { useMemo } from 'react'
import { Box, Text } from 'ink'
import { layoutColumns, renderCells, type Cell, type ColumnSpec } from '../format/cells.js'
import { scrollInfo } from '../format/window.js'
import { toneStyle } from '../theme/theme.js'
import { useTheme } from '../theme/context.js'

export interface TableProps {
  columns: readonly ColumnSpec[]
  rows: ReadonlyArray<Record<string, Cell | undefined>>
  selected: number
  top: number
  /** Lines for the rows (the header takes one more). */
  height: number
  width: number
  focused?: boolean
  empty?: string
}

export function Table ({ columns, rows, selected, top, height, width, focused = true, empty }: TableProps) {
  const theme = useTheme()
  const marker = 2
  const widths = useMemo(() => layoutColumns(columns, rows, width - marker), [columns, rows, width])
  const visible = rows.slice(top, top + height)
  const info = scrollInfo(top, height, rows.length)
  const header = renderCells(columns, widths, Object.fromEntries(columns.map(c => [c.key, { text: c.title }])))
  return (
    <Box flexDirection='column' width={width}>
      <Text wrap='truncate' {...theme.text.heading}>{'  ' + header.join('').trimEnd()}{info ? <Text {...theme.text.secondary}>{'  ' + info}</Text> : null}</Text>
      {visible.length === 0 ? <Text wrap='truncate' {...theme.text.secondary}>  {empty ?? 'Nothing here yet.'}</Text> : null}
      {visible.map((row, i) => {
        const isSel = top + i === selected && focused
        const cells = renderCells(columns, widths, row)
        return (
          <Text key={top + i} wrap='truncate' {...(isSel ? theme.selection : {})}>
            {isSel ? '› ' : '  '}
            {cells.map((text, c) => <Text key={c} {...toneStyle(theme, row[columns[c]!.key]?.tone)}>{text}</Text>)}
          </Text>
        )
      })}
    </Box>
  )
}
