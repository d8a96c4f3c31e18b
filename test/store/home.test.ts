import { join } from 'node:path'
import { homedir } from 'node:os'
import { describe, expect, it } from 'vitest'
import { homePaths, resolveHome } from '../../src/store/home.js'

describe('the data home', () => {
  it('is --home, else PAT_HOME, else $XDG_DATA_HOME/patdesk, else ~/.local/share/patdesk', () => {
    expect(resolveHome('/a/flag', { PAT_HOME: '/b', XDG_DATA_HOME: '/c' })).toBe('/a/flag')
    expect(resolveHome(undefined, { PAT_HOME: '/b', XDG_DATA_HOME: '/c' })).toBe('/b')
    expect(resolveHome(undefined, { XDG_DATA_HOME: '/c' })).toBe('/c/patdesk')
    expect(resolveHome(undefined, {})).toBe(join(homedir(), '.local', 'share', 'patdesk'))
  })

  it('keeps the control socket path short enough for a Unix socket', () => {
    expect(homePaths('/tmp/h').socket).toBe('/tmp/h/pat.sock')
    const deep = homePaths('/tmp/' + 'x'.repeat(120)).socket
    expect(deep.length).toBeLessThan(100)
    expect(deep).toMatch(/pat-[0-9a-f]{16}\.sock$/)
  })
})
