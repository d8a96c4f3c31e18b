/**
 * The first run on a fresh machine: the default workspace has just been created; `d` adds the demo
 * accounts so a newcomer sees a working app, Enter starts empty.
 */
import { Box, Text } from 'ink'
import { TitleLine } from '../components/chrome.js'
import { useCommands } from '../keys/use-commands.js'
import { useTheme } from '../theme/context.js'

export interface WelcomeProps { home: string, member: string, height: number, width: number, busy: boolean, onDemo: () => void, onEmpty: () => void }

export function WelcomeScreen ({ home, member, height, width, busy, onDemo, onEmpty }: WelcomeProps) {
  const theme = useTheme()
  useCommands('welcome', { 'welcome.demo': onDemo, 'welcome.empty': onEmpty })
  return (
    <Box flexDirection='column' width={width} height={height}>
      <TitleLine title='Welcome to PAT Desk' right='? keys' width={width} />
      <Text> </Text>
      <Text wrap='wrap'>A new workspace was created in {home} for {member}.</Text>
      <Text> </Text>
      <Text wrap='wrap'>PAT Desk keeps your team's accounts — profile, contacts, the Action Plan checklist and project list, CIPs — on this machine, saving every edit at once.</Text>
      <Text> </Text>
      <Text><Text {...theme.text.key}>  d     </Text>add three clearly fictional demo accounts to look around</Text>
      <Text><Text {...theme.text.key}>  Enter </Text>start with an empty workspace</Text>
      <Text><Text {...theme.text.key}>  q     </Text>quit</Text>
      <Text> </Text>
      {busy ? <Text {...theme.text.secondary}>adding the demo accounts…</Text> : null}
    </Box>
  )
}
