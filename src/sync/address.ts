/**
 * Peer addresses as people type them: "host:port" (an IPv6 host in brackets, "[::1]:47600"), the
 * URL the transport dials for one, and the addresses a listening node can be reached at.
 */
import { networkInterfaces } from 'node:os'
import { InputError } from '../domain/index.js'

const ADDRESS = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]{1,253}):(\d{1,5})$/

/** Checks "host:port"; an InputError names the problem. */
export function parseAddress (text: string, what = '--peer'): string {
  const m = ADDRESS.exec(text.trim())
  const port = m ? Number(m[2]) : 0
  if (!m || port < 1 || port > 65535) throw new InputError(`${what} "${text}" is not HOST:PORT (e.g. 192.168.1.20:47600)`)
  return `${m[1]}:${port}`
}

export const urlOf = (address: string) => `wss://${address}`

/** "host:port", an IPv6 host in brackets. */
export const hostPort = (host: string, port: number) => `${host.includes(':') ? `[${host}]` : host}:${port}`

/** Where others can reach a node listening on `host` and `port`: for a wildcard host, LAN addresses first. */
export function reachableAddresses (host: string, port: number): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [hostPort(host, port)]
  const lan = Object.values(networkInterfaces()).flat()
    .filter(i => i && !i.internal && i.family === 'IPv4').map(i => `${i!.address}:${port}`)
  return [...lan, `127.0.0.1:${port}`]
}
