/**
 * Peer addresses as people type them: "host:port" (an IPv6 host in brackets, "[::1]:47600"), and the
 * URL the transport dials for one.
 */
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
