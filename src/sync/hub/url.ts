/**
 * Hub addresses as people type them, and the URL of one room on a hub.
 *
 *   ws://HOST:PORT[/PATH], wss://…         a y-websocket server (the stock `y-websocket` bin, or one like it)
 *   hocuspocus+ws://HOST:PORT[/PATH], hocuspocus+wss://…
 *                                          a Hocuspocus 3 server (@hocuspocus/server): the WebSocket is
 *                                          ws://… (wss://…) without the `hocuspocus+`
 *
 * A room is `<team id>/<document name>` (`workspace`, `account/<id>`). On y-websocket it is one URL path
 * segment after the hub's own path, percent-encoded (`…/k3x9…%2Faccount%2Fharbor-k3x9`): the stock server
 * takes the raw path as the room name, so every member derives the same one; a token travels as the `token`
 * query parameter, as the y-websocket provider's `params` do (the stock server ignores it; a server with
 * authentication reads it). On Hocuspocus every room shares the one WebSocket: the room is the document name
 * in each message, and the token is sent in the protocol's AUTH message (hub/hocuspocus-protocol.ts).
 */
import { InputError } from '../../domain/index.js'

export interface HubAddress {
  /** The URL as given, normalised (no trailing slash). */
  url: string
  kind: HubKind
}

export type HubKind = 'y-websocket' | 'hocuspocus'

const KINDS: Record<string, HubKind> = { 'ws:': 'y-websocket', 'wss:': 'y-websocket', 'hocuspocus+ws:': 'hocuspocus', 'hocuspocus+wss:': 'hocuspocus' }

/** Checks a hub URL; an InputError names the problem. */
export function parseHubUrl (text: string): HubAddress {
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    throw new InputError(`"${text}" is not a hub URL: give ws://HOST:PORT (or wss://…) of a y-websocket server, or hocuspocus+ws://HOST:PORT of a Hocuspocus server`)
  }
  const kind = KINDS[url.protocol]
  if (!kind) {
    throw new InputError(`"${text}" is not a hub URL: it must start with ws:// or wss:// (a y-websocket server), or hocuspocus+ws:// or hocuspocus+wss:// (a Hocuspocus server)`)
  }
  if (!url.hostname) throw new InputError(`the hub URL "${text}" names no host: give ${url.protocol}//HOST:PORT`)
  if (url.search || url.hash) throw new InputError(`the hub URL "${text}" has a query or fragment: give the token with --token`)
  if (url.username || url.password) throw new InputError(`the hub URL "${text}" holds a user name or password: give a token with --token`)
  return { url: url.href.replace(/\/+$/, ''), kind }
}

/** The WebSocket URL of a Hocuspocus hub (every room goes over it). */
export const socketUrl = (hub: HubAddress): string => hub.url.replace(/^hocuspocus\+/, '')

/** The room of one of a team's documents. */
export const roomOf = (teamId: string, docName: string): string => `${teamId}/${docName}`

/** The WebSocket URL of a room on a y-websocket hub. */
export function roomUrl (hub: HubAddress, room: string, token?: string): string {
  const url = new URL(`${hub.url}/${encodeURIComponent(room)}`)
  if (token) url.searchParams.set('token', token)
  return url.href
}
