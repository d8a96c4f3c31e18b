/** The theme in effect, from React context; the app root provides it (colour or NO_COLOR). */
import { createContext, useContext } from 'react'
import { colorTheme, type Theme } from './theme.js'

export const ThemeContext = createContext<Theme>(colorTheme)

export function useTheme (): Theme {
  return useContext(ThemeContext)
}
