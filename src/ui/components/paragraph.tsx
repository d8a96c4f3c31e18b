/**
 * Prose wrapped at word boundaries by our own `wrapText`, not ink's `wrap`: ink wraps with wrap-ansi's
 * `trim: false`, which carries the space a line ended on to the start of the next ("the\n Action Plan").
 * `KeyChoice` is one line of a key menu ("d  add the demo accounts"): its text wraps under itself, not
 * under the key.
 */
import { Box } from 'ink'
import { Text } from './text.js'
import { wrapText } from '../format/text.js'
import { useTheme } from '../theme/context.js'

export function Paragraph ({ text, width }: { text: string, width: number }) {
  return <>{wrapText(text, width).map((line, i) => <Text key={i} wrap='truncate'>{line}</Text>)}</>
}

/** `keyWidth`: the key column, the same for every line of one menu. */
export function KeyChoice ({ keyLabel, text, width, keyWidth = 8 }: { keyLabel: string, text: string, width: number, keyWidth?: number }) {
  const theme = useTheme()
  return (
    <Box>
      <Box width={keyWidth} flexShrink={0}><Text {...theme.text.key}>{`  ${keyLabel}`}</Text></Box>
      <Box flexDirection='column'><Paragraph text={text} width={Math.max(1, width - keyWidth)} /></Box>
    </Box>
  )
}
