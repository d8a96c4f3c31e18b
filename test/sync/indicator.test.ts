// The status bar's sync summary, as a pure function of the node's status, the members present and the hub
// link's status: peers online, the hub's state when one is set, and the last time anything was in sync.
import { describe, expect, it } from 'vitest'
import type { HubLinkStatus } from '../../src/sync/hub/link.js'
import { summarize } from '../../src/sync/indicator.js'
import type { NodeStatus } from '../../src/sync/peer/node.js'

const now = new Date(2026, 11, 1, 15, 30)
const at = (h: number, m: number, day = 1) => new Date(2026, 11, day, h, m).toISOString()
const node = (peers: NodeStatus['peers'] = []): NodeStatus => ({ member: { id: 'me', name: 'Ana Lima' }, peers })
const peer = (id: string, connected: boolean, lastSync?: string) => ({ id, name: id, connected, pending: 0, ...(lastSync ? { lastSync } : {}) })
const hub = (state: HubLinkStatus['state'], lastSync?: string): HubLinkStatus =>
  ({ url: 'ws://hub:1234', kind: 'y-websocket', state, rooms: 0, bufferedBytes: 0, ...(lastSync ? { lastSync } : {}) })

describe('summarize', () => {
  it.each([
    ['no peers, no hub', node(), [], undefined, 'no peers online'],
    ['a peer online and one present', node([peer('bo', true, at(10, 42)), peer('cy', false)]), ['cy'], undefined, '2 peers online · synced 10:42'],
    ['the hub connected, synced later than any peer', node([peer('bo', false, at(9, 5))]), [], hub('connected', at(11, 7)), 'no peers online · hub connected · synced 11:07'],
    ['the hub connecting', node(), [], hub('connecting'), 'no peers online · hub connecting'],
    ['the hub unreachable, a peer synced', node([peer('bo', true, at(14, 0))]), [], hub('unreachable', at(8, 0)), '1 peer online · hub unreachable, retrying · synced 14:00'],
    ['the hub refusing the token', node(), [], hub('refused'), 'no peers online · hub refused the token'],
    ['a sync on another day', node([peer('bo', false, at(9, 5, 28))]), [], undefined, 'no peers online · synced 2026-12-28 09:05']
  ])('%s', (_case, status, present, hubStatus, expected) => {
    expect(summarize(status, present, hubStatus, now)).toBe(expected)
  })
})
