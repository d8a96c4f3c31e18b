// y-leveldb ships typings its package.json "exports" does not expose to NodeNext resolution; these are the
// parts of its API PAT Desk uses.
declare module 'y-leveldb' {
  import type * as Y from 'yjs'
  export const PREFERRED_TRIM_SIZE: number
  export class LeveldbPersistence {
    constructor (location: string, opts?: { Level?: unknown, levelOptions?: object })
    getYDoc (docName: string): Promise<Y.Doc>
    storeUpdate (docName: string, update: Uint8Array): Promise<number>
    flushDocument (docName: string): Promise<void>
    getStateVector (docName: string): Promise<Uint8Array>
    getAllDocNames (): Promise<string[]>
    getAllDocStateVectors (): Promise<Array<{ name: string, sv: Uint8Array, clock: number }>>
    clearDocument (docName: string): Promise<void>
    destroy (): Promise<void>
    /**
     * Internal, not in y-leveldb's own typings: runs every operation against the database, one at a time.
     * store/database.ts replaces it so that PAT Desk's own reads and writes queue with y-leveldb's.
     */
    _transact: <T>(f: (db: unknown) => Promise<T>) => Promise<T>
  }
}
