/**
 * The sync layer. It moves Yjs updates between replicas; it never decides what an account contains (that is
 * the store's job) and never trusts a peer it cannot authenticate. Three parts:
 *
 *   core (this folder)  member identity and fingerprints (identity.ts), the frames peers exchange (frames.ts),
 *                       the transport-independent session carrying every document over one connection
 *                       (session.ts), judging a remote update by its author's role (judge.ts), member
 *                       certificates and mutual TLS (certificate.ts, tls.ts), the WebSocket transport
 *                       (transport.ts), addresses (address.ts), invites and the join handshake (invite.ts,
 *                       join.ts), presence (presence.ts), retry timing (backoff.ts) and the app's sync line
 *                       (indicator.ts)
 *   peer/               the peer node `pat serve` and the app run: listening, dialling, sessions, roster
 *                       changes, joins, status and LAN discovery (peer/index.ts)
 *   hub/                hub mode through a stock y-websocket or Hocuspocus 3 server (hub/index.ts)
 *
 * Only the core's light modules are re-exported here; the rest is imported directly by the commands that need
 * it (certificate.ts's X.509 library alone takes ~180 ms to load).
 */
export * from './identity.js'
export * from './frames.js'
export * from './session.js'
