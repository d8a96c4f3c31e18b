/**
 * Semantic colour tokens. Components style text only through these (`<Text {...theme.status.warning}>`),
 * never with colour names, so the whole app changes look in one place — and NO_COLOR gets a variant with
 * no colours at all, where emphasis is bold, underline and inverse only.
 */
export interface Style {
  color?: string
  backgroundColor?: string
  bold?: boolean
  dimColor?: boolean
  inverse?: boolean
  underline?: boolean
  italic?: boolean
}

export interface Theme {
  name: 'color' | 'mono'
  text: { primary: Style, secondary: Style, accent: Style, heading: Style, match: Style, key: Style }
  status: { success: Style, warning: Style, error: Style, info: Style }
  /** A field whose value replaced a teammate's concurrent one (shown with `!` too: never a colour alone). */
  conflict: Style
  border: { focused: Style, default: Style }
  selection: Style
  tab: { active: Style, inactive: Style }
  bar: Style
}

export const colorTheme: Theme = {
  name: 'color',
  text: {
    primary: {},
    secondary: { color: 'gray' },
    accent: { color: 'cyan' },
    heading: { color: 'cyan', bold: true },
    match: { color: 'yellow', bold: true },
    key: { color: 'cyan', bold: true }
  },
  status: {
    success: { color: 'green' },
    warning: { color: 'yellow', bold: true },
    error: { color: 'red', bold: true },
    info: { color: 'blue' }
  },
  conflict: { color: 'magenta', bold: true },
  border: { focused: { color: 'cyan' }, default: { color: 'gray' } },
  selection: { inverse: true },
  tab: { active: { color: 'cyan', bold: true, inverse: true }, inactive: { color: 'gray' } },
  bar: { inverse: true }
}

export const monoTheme: Theme = {
  name: 'mono',
  text: {
    primary: {},
    secondary: {},
    accent: { bold: true },
    heading: { bold: true, underline: true },
    match: { bold: true, underline: true },
    key: { bold: true }
  },
  status: {
    success: {},
    warning: { bold: true },
    error: { bold: true, inverse: true },
    info: {}
  },
  conflict: { bold: true, underline: true },
  border: { focused: { bold: true }, default: {} },
  selection: { inverse: true },
  tab: { active: { inverse: true, bold: true }, inactive: {} },
  bar: { inverse: true }
}

/** NO_COLOR (https://no-color.org) turns colours off; like the CLI, any value counts. */
export function themeFor (env: NodeJS.ProcessEnv = process.env): Theme {
  return themeNameFor(env) === 'mono' ? monoTheme : colorTheme
}

export function themeNameFor (env: NodeJS.ProcessEnv = process.env): Theme['name'] {
  return 'NO_COLOR' in env ? 'mono' : 'color'
}

export type Tone = 'primary' | 'secondary' | 'accent' | 'success' | 'warning' | 'error' | 'info' | 'conflict'

/** The style of a tone, for cells and messages that carry one. */
export function toneStyle (theme: Theme, tone: Tone | undefined): Style {
  switch (tone) {
    case 'secondary': return theme.text.secondary
    case 'accent': return theme.text.accent
    case 'success': return theme.status.success
    case 'warning': return theme.status.warning
    case 'error': return theme.status.error
    case 'info': return theme.status.info
    case 'conflict': return theme.conflict
    default: return theme.text.primary
  }
}
