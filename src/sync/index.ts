/**
 * The sync layer: member identity (key pairs and their fingerprints), and — as the sync issue lands —
 * peers, invites, transports and the hub client. It moves Yjs updates between replicas; it never decides
 * what an account contains (that is the store's job) and never trusts a peer it cannot authenticate.
 */
export * from './identity.js'
