/**
 * The app's only Text: ink's, with every string child made printable (domain/printable.ts). A teammate's
 * data reaches this member's screen through many components; rather than trust each to pass its strings
 * through `truncate` or `wrapText`, the one component that puts text on the screen shows each control
 * character as a visible symbol, so no synced name can set the window title, clear or recolour the screen
 * or ring the bell. Every other file of the app imports Text from here, never from ink
 * (test/security/app-injection.test.ts checks both).
 */
import { Children, type ReactNode } from 'react'
import { Text as InkText, type TextProps } from 'ink'
import { printable } from '../../domain/printable.js'

const safe = (children: ReactNode): ReactNode => Children.map(children, c => (typeof c === 'string' ? printable(c) : c))

export function Text ({ children, ...props }: TextProps) {
  return <InkText {...props}>{safe(children)}</InkText>
}
