/**
 * The sync layer: member identity (key pairs and their fingerprints), the frames peers exchange
 * (frames.ts) and a transport-independent sync session that carries every document of a workspace over one
 * connection (session.ts), and member certificates for mutual TLS (certificate.ts — imported directly, as
 * its X.509 library takes ~180 ms to load), and the WebSocket-over-mutual-TLS transport that refuses
 * non-members before any document is sent (transport.ts, imported directly for the same reason); invites,
 * discovery and the hub client build on these. It moves Yjs updates between replicas; it never decides
 * what an account contains (that is the store's job) and never trusts a peer it cannot authenticate.
 */
export * from './identity.js'
export * from './frames.js'
export * from './session.js'
