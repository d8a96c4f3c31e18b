/**
 * The sync layer: member identity (key pairs and their fingerprints), the frames peers exchange
 * (frames.ts) and a transport-independent sync session that carries every document of a workspace over one
 * connection (session.ts), and member certificates for mutual TLS (certificate.ts — imported directly, as
 * its X.509 library takes ~180 ms to load), and the WebSocket-over-mutual-TLS transport that refuses
 * non-members before any document is sent (transport.ts, imported directly for the same reason). On these
 * build, each imported directly by the commands that need it: invites and the join handshake (invite.ts,
 * join.ts), presence (presence.ts), the peer node that listens, dials, redials and keeps status (peer.ts,
 * put together from peer-dialer.ts, peer-sessions.ts, peer-roster.ts, peer-joins.ts, peer-status.ts,
 * peer-discovery.ts, with peer-book.ts, backoff.ts, tls.ts), the app's view of it (indicator.ts) and LAN
 * discovery (discovery.ts); and hub
 * mode through a stock y-websocket or Hocuspocus 3 server: one exchange (hub-client.ts) or a long-running
 * link (hub-link.ts), both running one room's exchange (hub-room.ts) over the kind's transport
 * (hub-transport.ts, hub-ywebsocket.ts, hub-hocuspocus.ts; messages in hub-protocol.ts and
 * hocuspocus-protocol.ts; URLs in hub-url.ts), judging the hub's updates as a session judges a peer's
 * (judge.ts). It moves Yjs updates between replicas; it never decides
 * what an account contains (that is the store's job) and never trusts a peer it cannot authenticate.
 */
export * from './identity.js'
export * from './frames.js'
export * from './session.js'
