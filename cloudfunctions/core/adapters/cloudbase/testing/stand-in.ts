/**
 * A wire-level stand-in for the CloudBase database service, for tests and benchmarks only (never
 * imported by production code, never bundled).
 *
 * The SDK stays real: `Db` of @cloudbase/database (what node-sdk's `app.database()` returns) builds
 * and EJSON-serialises every request through its own query builder and serialisers. Only the
 * request class behind it (`Db.reqClass`, the object node-sdk installs to send HTTP) is replaced by
 * `StandInRequester`, which hands each `database.*` request to a `CloudBaseStandIn`; that executes
 * it with MongoDB query and update semantics from mingo.
 *
 * Assumptions about the real service that this file encodes (our reading of @cloudbase/database
 * 1.4.3, node-sdk 3.18.3 and the platform documentation; see research/cloudbase-audit.md). Run the
 * `*.cloudbase-env.test.ts` suites against a staging environment to confirm them:
 * - A1 Errors: the service answers `{code, message}`; node-sdk's requester throws it (throwOnCode
 *   defaults to true), so the stand-in throws an `Error` carrying `code`, `message`, `requestId`.
 * - A2 `insertDocument` of an `_id` that exists fails with `DATABASE_DUPLICATE_WRITE` and writes
 *   nothing; a document without `_id` gets a fresh 32-hex id.
 * - A3 Any request on a collection that does not exist fails with `DATABASE_COLLECTION_NOT_EXIST`
 *   (inserts included: no implicit creation); `addCollection` creates it, and fails with
 *   `DATABASE_COLLECTION_ALREADY_EXIST` when it exists. `options.autoCreateCollections` skips
 *   this, as in a provisioned environment.
 * - A4 `modifyDocument` answers `updated` = the number of documents whose stored value changed
 *   (MongoDB's modifiedCount), not the number matched; `multi: false` touches the first match.
 * - A5 `modifyDocument` with `merge: false` (the SDK's `doc().set`) replaces the whole document
 *   and inserts it when missing (`upsert: true`), answering `upsert_id` for an insert.
 * - A6 Queries: default limit 100 is sent by the SDK, the service caps at 1000; `order` is an
 *   object whose key order is the sort priority; projection 1/0 per field, `_id` always included.
 *   A missing `doc(id)` answers an empty list.
 * - A7 Transactions (node-sdk only): `startTransaction` answers a `transactionId`; reads inside see
 *   the transaction's own writes; writes become visible to others only at `commitTransaction`,
 *   all together. A transaction whose documents another writer changed after it first touched them
 *   fails at commit with `DATABASE_TRANSACTION_CONFLICT` (optimistic model of MongoDB's
 *   write-conflict abort); only single-document operations (`doc()` get/set/update/remove, `add`)
 *   are allowed inside, `where()` queries and `count()` are refused. `abortTransaction` discards.
 * - A8 Every request takes at least one turn of the event loop, so the requests of concurrent
 *   calls interleave request by request, as over HTTP; a single request is atomic.
 * - A9 Throttling is answered as `EXCEED_REQUEST_LIMIT` / `EXCEED_CONCURRENT_REQUEST_LIMIT`
 *   without applying anything. A network timeout after the service applied a write is seen by the
 *   caller as an error whose code is `ESOCKETTIMEDOUT` (the write stays applied).
 * - A10 `aggregateDocuments` runs the pipeline with MongoDB semantics over the collection and
 *   answers every result document (no cursor, no 16 MB limit modelled); outside transactions only.
 * Not modelled: latency, quotas (unless injected), indexes and their limits, geo APIs, packet
 * size limits.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { randomBytes } from 'node:crypto'
import { EJSON } from 'bson'
import { Db } from '@cloudbase/database'
import { Aggregator, Query, update } from 'mingo'
import type { DocumentDatabase } from '../database'

type Doc = Record<string, unknown>
type Params = Record<string, unknown>

export class StandInError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly requestId = 'stand-in',
  ) {
    super(message)
    this.name = 'StandInError'
  }
}

/** A call that the test declared dead: every later request of that call fails with this. */
export class CallKilled extends Error {
  readonly code = 'FUNCTION_KILLED'
  constructor(readonly afterRequests: number) {
    super(`stand-in: the call was killed after its request ${afterRequests}`)
  }
}

export type RequestKind = 'get' | 'query' | 'count' | 'aggregate' | 'add' | 'update' | 'set' | 'remove' | 'tx' | 'create'

export interface LoggedRequest {
  api: string
  kind: RequestKind
  collection: string
  tag: string | undefined
  transaction: boolean
  /** A read that asked for some fields only (`.field()`). */
  projected: boolean
}

export interface StandInStats {
  requests: number
  peakInFlight: number
}

/** Which requests a fault applies to. */
export interface FaultMatch {
  /** Only requests made inside `standIn.tagged(tag, …)`. */
  tag?: string
  collection?: string
  kinds?: RequestKind[]
}

type Fault =
  | { type: 'throttle'; code: string; times: number; match: FaultMatch }
  | { type: 'timeout-after-write'; times: number; match: FaultMatch }
  | { type: 'kill-after'; requests: number; seen: number; match: FaultMatch }
  | { type: 'fail-at'; index: number; seen: number; mode: 'before' | 'after'; match: FaultMatch }

interface Transaction {
  writes: Map<string, Map<string, Doc | null>>
  /** The version of each document when this transaction first touched it. */
  touched: Map<string, number>
}

export interface StandInOptions {
  /** Create a collection on first use instead of answering DATABASE_COLLECTION_NOT_EXIST. */
  autoCreateCollections?: boolean
}

const WRITE_KINDS: RequestKind[] = ['add', 'update', 'set', 'remove']

function clone<T>(value: T): T {
  return structuredClone(value)
}

/** EJSON values that mingo cannot compare natively become plain JS values. */
function toPlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toPlain)
  if (value && typeof value === 'object') {
    const bsonType = (value as { _bsontype?: string })._bsontype
    if (bsonType === 'BSONRegExp') {
      const re = value as { pattern: string; options: string }
      return new RegExp(re.pattern, re.options.replace(/[^gimsuy]/g, ''))
    }
    if (bsonType === 'Long' || bsonType === 'Int32' || bsonType === 'Double') return Number(String(value))
    if (value instanceof Date || value instanceof RegExp) return value
    const out: Doc = {}
    for (const [k, v] of Object.entries(value)) out[k] = toPlain(v)
    return out
  }
  return value
}

function parse(text: unknown): Doc {
  if (typeof text !== 'string' || text === '') return {}
  return toPlain(EJSON.parse(text)) as Doc
}

function serialiseDoc(doc: Doc): string {
  return EJSON.stringify(doc, { relaxed: false })
}

function kindOf(api: string, params: Params): RequestKind {
  switch (api) {
    case 'database.getDocument':
      return params.queryType === 'DOC' ? 'get' : 'query'
    case 'database.calculateDocument':
      return 'count'
    case 'database.aggregateDocuments':
      return 'aggregate'
    case 'database.insertDocument':
      return 'add'
    case 'database.modifyDocument':
    case 'database.modifyAndReturnDoc':
      return params.merge === false ? 'set' : 'update'
    case 'database.removeDocument':
      return 'remove'
    case 'database.addCollection':
      return 'create'
    default:
      return 'tx'
  }
}

function matches(match: FaultMatch, request: LoggedRequest): boolean {
  if (match.tag !== undefined && match.tag !== request.tag) return false
  if (match.collection !== undefined && match.collection !== request.collection) return false
  if (match.kinds && !match.kinds.includes(request.kind)) return false
  return true
}

export class CloudBaseStandIn {
  private readonly collections = new Map<string, Map<string, Doc>>()
  /** Bumped on every committed change of a document: the transaction conflict check reads it. */
  private readonly versions = new Map<string, number>()
  private readonly transactions = new Map<string, Transaction>()
  private readonly tags = new AsyncLocalStorage<string>()
  private faults: Fault[] = []
  private inFlight = 0
  private txSeq = 0
  /** Every request served since the last `resetStats()`, in arrival order. */
  readonly log: LoggedRequest[] = []
  private peak = 0
  private readonly peakByTag = new Map<string, number>()
  private readonly inFlightByTag = new Map<string, number>()

  constructor(private readonly options: StandInOptions = {}) {}

  /** A real SDK `Db` whose requests this stand-in serves. */
  database(): DocumentDatabase & TransactionalDatabase {
    installStandInRequester()
    const db = new Db({ standIn: this, throwOnCode: true } as unknown as ConstructorParameters<typeof Db>[0])
    return db as unknown as DocumentDatabase & TransactionalDatabase
  }

  /** Creates collections up front, as a provisioned environment has them. */
  provision(names: Iterable<string>): void {
    for (const name of names) if (!this.collections.has(name)) this.collections.set(name, new Map())
  }

  hasCollection(name: string): boolean {
    return this.collections.has(name)
  }

  /** The stored documents of a collection (copies), for assertions on what the service holds. */
  documents(collection: string): Doc[] {
    return [...(this.collections.get(collection)?.values() ?? [])].map(clone)
  }

  /** Writes a document as a mini-program client would (it carries `_openid`): for security tests. */
  insertAsClient(collection: string, doc: Doc, openid: string): void {
    const docs = this.collectionOrCreate(collection)
    const id = String(doc._id ?? randomBytes(16).toString('hex'))
    docs.set(id, { ...clone(doc), _id: id, _openid: openid })
    this.bump(collection, id)
  }

  /** Runs `fn` with every request it makes attributed to `tag` (faults and stats can target it). */
  tagged<T>(tag: string, fn: () => Promise<T>): Promise<T> {
    return this.tags.run(tag, fn)
  }

  /** The requests made under `tag` since the last `resetStats()`. */
  requestsOf(tag: string): LoggedRequest[] {
    return this.log.filter((r) => r.tag === tag)
  }

  stats(tag?: string): StandInStats {
    const requests = tag === undefined ? this.log : this.log.filter((r) => r.tag === tag)
    return {
      requests: requests.length,
      peakInFlight: tag === undefined ? this.peak : (this.peakByTag.get(tag) ?? 0),
    }
  }

  resetStats(): void {
    this.log.length = 0
    this.peak = 0
    this.peakByTag.clear()
  }

  /** The next `times` matching requests are refused with a throttling code and change nothing. */
  throttle(
    code: 'EXCEED_REQUEST_LIMIT' | 'EXCEED_CONCURRENT_REQUEST_LIMIT',
    times: number,
    match: FaultMatch = {},
  ): void {
    this.faults.push({ type: 'throttle', code, times, match })
  }

  /** The next `times` matching writes are applied, then reported to the caller as a timeout. */
  timeoutAfterWrite(times = 1, match: FaultMatch = {}): void {
    this.faults.push({ type: 'timeout-after-write', times, match: { kinds: WRITE_KINDS, ...match } })
  }

  /**
   * The call (the matching requests, usually one tag) dies after its `requests`th request: every
   * later request fails with `CallKilled` and changes nothing, as if the function instance were
   * killed at its timeout with the rest of its code never running.
   */
  killAfter(requests: number, match: FaultMatch = {}): void {
    this.faults.push({ type: 'kill-after', requests, seen: 0, match })
  }

  /**
   * The matching request number `index` (1-based) fails: 'before' = refused with a throttling
   * error before anything is applied; 'after' = applied, then reported as a timeout.
   */
  failAt(index: number, mode: 'before' | 'after', match: FaultMatch = {}): void {
    this.faults.push({ type: 'fail-at', index, seen: 0, mode, match })
  }

  clearFaults(): void {
    this.faults = []
  }

  // ---- the service ----

  async serve(api: string, params: Params = {}): Promise<unknown> {
    const tag = this.tags.getStore()
    const request: LoggedRequest = {
      api,
      kind: kindOf(api, params),
      collection: typeof params.collectionName === 'string' ? params.collectionName : '',
      tag,
      transaction: typeof params.transactionId === 'string',
      projected: typeof params.projection === 'string' && params.projection !== '{}',
    }
    this.log.push(request)
    this.inFlight += 1
    this.peak = Math.max(this.peak, this.inFlight)
    if (tag !== undefined) {
      const now = (this.inFlightByTag.get(tag) ?? 0) + 1
      this.inFlightByTag.set(tag, now)
      this.peakByTag.set(tag, Math.max(this.peakByTag.get(tag) ?? 0, now))
    }
    try {
      // A8: the request travels; other calls' requests run meanwhile.
      await new Promise<void>((resolve) => setImmediate(resolve))
      const fault = this.faultFor(request)
      if (fault?.kind === 'refuse') throw fault.error
      const answer = this.execute(api, params)
      if (fault?.kind === 'after') throw fault.error
      return answer
    } finally {
      this.inFlight -= 1
      if (tag !== undefined) this.inFlightByTag.set(tag, (this.inFlightByTag.get(tag) ?? 1) - 1)
    }
  }

  private faultFor(request: LoggedRequest): { kind: 'refuse' | 'after'; error: Error } | undefined {
    for (const fault of this.faults) {
      if (!matches(fault.match, request)) continue
      if (fault.type === 'kill-after') {
        fault.seen += 1
        if (fault.seen > fault.requests) return { kind: 'refuse', error: new CallKilled(fault.requests) }
        continue
      }
      if (fault.type === 'fail-at') {
        fault.seen += 1
        if (fault.seen !== fault.index) continue
        return fault.mode === 'before'
          ? { kind: 'refuse', error: new StandInError('EXCEED_CONCURRENT_REQUEST_LIMIT', 'stand-in: injected throttle') }
          : { kind: 'after', error: new StandInError('ESOCKETTIMEDOUT', 'stand-in: write applied, answer lost') }
      }
      if (fault.times <= 0) continue
      fault.times -= 1
      if (fault.type === 'throttle') {
        return { kind: 'refuse', error: new StandInError(fault.code, 'stand-in: injected throttle') }
      }
      return { kind: 'after', error: new StandInError('ESOCKETTIMEDOUT', 'stand-in: write applied, answer lost') }
    }
    return undefined
  }

  private execute(api: string, params: Params): unknown {
    const requestId = `standin-${this.log.length}`
    switch (api) {
      case 'database.addCollection': {
        const name = String(params.collectionName)
        if (this.collections.has(name)) {
          throw new StandInError('DATABASE_COLLECTION_ALREADY_EXIST', `collection ${name} already exists`)
        }
        this.collections.set(name, new Map())
        return { requestId }
      }
      case 'database.startTransaction': {
        this.txSeq += 1
        const id = `tx-${this.txSeq}`
        this.transactions.set(id, { writes: new Map(), touched: new Map() })
        return { transactionId: id, requestId }
      }
      case 'database.commitTransaction':
        this.commit(String(params.transactionId))
        return { requestId }
      case 'database.abortTransaction':
        this.transactions.delete(String(params.transactionId))
        return { requestId }
      default:
        return { data: this.executeOnCollection(api, params), requestId }
    }
  }

  private executeOnCollection(api: string, params: Params): Doc {
    const name = String(params.collectionName)
    const tx = typeof params.transactionId === 'string' ? this.transactionOf(params.transactionId) : undefined
    if (!this.collections.has(name)) {
      if (!this.options.autoCreateCollections) {
        throw new StandInError('DATABASE_COLLECTION_NOT_EXIST', `collection ${name} does not exist`)
      }
      this.collections.set(name, new Map())
    }
    const query = parse(params.query)
    if (tx && (params.queryType !== 'DOC' || api === 'database.calculateDocument') && api !== 'database.insertDocument') {
      throw new StandInError('DATABASE_REQUEST_FAILED', 'stand-in: only single-document operations inside a transaction')
    }
    switch (api) {
      case 'database.getDocument': {
        const limit = Math.min(typeof params.limit === 'number' ? params.limit : 100, 1000)
        const offset = typeof params.offset === 'number' ? params.offset : 0
        let cursor = new Query(query).find<Doc>(this.view(name, tx, query))
        const order = parse(params.order)
        if (Object.keys(order).length > 0) cursor = cursor.sort(order as Record<string, 1 | -1>)
        let list = cursor.skip(offset).limit(params.queryType === 'DOC' ? 1 : limit).all()
        const projection = parse(params.projection)
        if (Object.keys(projection).length > 0) list = list.map((doc) => project(doc, projection))
        return { list: list.map(serialiseDoc) }
      }
      case 'database.calculateDocument':
        return { total: new Query(query).find(this.view(name, tx, query)).all().length }
      case 'database.aggregateDocuments': {
        const stages = (Array.isArray(params.stages) ? params.stages : []) as { stageKey: string; stageValue: string }[]
        const pipeline = stages.map((stage) => ({ [stage.stageKey]: parse(stage.stageValue) }))
        const list = new Aggregator(pipeline).run(this.view(name, undefined, {})) as Doc[]
        return { list: list.map(serialiseDoc) }
      }
      case 'database.insertDocument': {
        const docs = (Array.isArray(params.data) ? params.data : []).map(parse)
        const ids: string[] = []
        for (const doc of docs) {
          const id = String(doc._id ?? randomBytes(16).toString('hex'))
          if (this.current(name, id, tx) !== undefined) {
            throw new StandInError('DATABASE_DUPLICATE_WRITE', `inserting data with same _id: ${id}`)
          }
          this.write(name, id, { ...doc, _id: id }, tx)
          ids.push(id)
        }
        return { insertedIds: ids }
      }
      case 'database.modifyDocument':
      case 'database.modifyAndReturnDoc': {
        const data = parse(params.data)
        if (params.merge === false) {
          // A5: set = replace, upsert.
          const id = String(query._id)
          const existing = this.current(name, id, tx)
          const next = { ...data, _id: id }
          if (existing === undefined) {
            this.write(name, id, next, tx)
            return { updated: 0, upsert_id: id }
          }
          const changed = serialiseDoc(existing) !== serialiseDoc(next)
          if (changed) this.write(name, id, next, tx)
          return { updated: changed ? 1 : 0 }
        }
        const targets = new Query(query).find<Doc>(this.view(name, tx, query)).all()
        const multi = params.multi !== false && api !== 'database.modifyAndReturnDoc'
        let updated = 0
        let last: Doc | undefined
        for (const target of multi ? targets : targets.slice(0, 1)) {
          const copy = clone(target)
          if (update(copy, data as Parameters<typeof update>[1]).length > 0) {
            updated += 1
            this.write(name, String(copy._id), copy, tx)
          }
          last = copy
        }
        return api === 'database.modifyAndReturnDoc'
          ? { updated, doc: last ? serialiseDoc(last) : undefined }
          : { updated }
      }
      case 'database.removeDocument': {
        const targets = new Query(query).find<Doc>(this.view(name, tx, query)).all()
        const chosen = params.multi === false ? targets.slice(0, 1) : targets
        for (const doc of chosen) this.write(name, String(doc._id), null, tx)
        return { deleted: chosen.length }
      }
      default:
        throw new StandInError('INVALID_ACTION', `stand-in: ${api} is not served`)
    }
  }

  // ---- storage, with the transaction overlay ----

  private collectionOrCreate(name: string): Map<string, Doc> {
    let docs = this.collections.get(name)
    if (!docs) {
      docs = new Map()
      this.collections.set(name, docs)
    }
    return docs
  }

  private transactionOf(id: string): Transaction {
    const tx = this.transactions.get(id)
    if (!tx) throw new StandInError('DATABASE_TRANSACTION_FAIL', `stand-in: no open transaction ${id}`)
    return tx
  }

  private key(collection: string, id: string): string {
    return `${collection}\u0000${id}`
  }

  private bump(collection: string, id: string): void {
    const key = this.key(collection, id)
    this.versions.set(key, (this.versions.get(key) ?? 0) + 1)
  }

  private current(collection: string, id: string, tx?: Transaction): Doc | undefined {
    if (tx) {
      this.touch(tx, collection, id)
      const pending = tx.writes.get(collection)
      if (pending?.has(id)) return pending.get(id) ?? undefined
    }
    const doc = this.collections.get(collection)?.get(id)
    return doc ? clone(doc) : undefined
  }

  /** The documents a query sees: committed ones, overlaid with the transaction's own writes. */
  private view(collection: string, tx: Transaction | undefined, query: Doc): Doc[] {
    if (typeof query._id === 'string') {
      // The common case (doc(id), or a condition on one _id): no scan.
      const doc = this.current(collection, query._id, tx)
      return doc ? [doc] : []
    }
    // Not copied: queries only read, and writes copy each target before changing it.
    return [...(this.collections.get(collection)?.values() ?? [])]
  }

  /** Stores documents as the service holds them (no `_openid`): bulk set-up for benchmarks. */
  seed(collection: string, docs: Doc[]): void {
    const stored = this.collectionOrCreate(collection)
    for (const doc of docs) {
      const id = String(doc._id)
      stored.set(id, clone({ ...doc, _id: id }))
      this.bump(collection, id)
    }
  }

  private touch(tx: Transaction, collection: string, id: string): void {
    const key = this.key(collection, id)
    if (!tx.touched.has(key)) tx.touched.set(key, this.versions.get(key) ?? 0)
  }

  private write(collection: string, id: string, doc: Doc | null, tx?: Transaction): void {
    if (tx) {
      this.touch(tx, collection, id)
      let pending = tx.writes.get(collection)
      if (!pending) {
        pending = new Map()
        tx.writes.set(collection, pending)
      }
      pending.set(id, doc)
      return
    }
    const docs = this.collectionOrCreate(collection)
    if (doc === null) docs.delete(id)
    else docs.set(id, doc)
    this.bump(collection, id)
  }

  private commit(id: string): void {
    const tx = this.transactionOf(id)
    this.transactions.delete(id)
    for (const [key, version] of tx.touched) {
      if ((this.versions.get(key) ?? 0) !== version) {
        throw new StandInError('DATABASE_TRANSACTION_CONFLICT', 'stand-in: a document changed under the transaction')
      }
    }
    for (const [collection, writes] of tx.writes) {
      for (const [docId, doc] of writes) this.write(collection, docId, doc)
    }
  }
}

function project(doc: Doc, projection: Doc): Doc {
  const include = Object.entries(projection).filter(([, v]) => v === 1)
  if (include.length > 0) {
    const out: Doc = { _id: doc._id }
    for (const [field] of include) if (field in doc) out[field] = doc[field]
    return out
  }
  const out = { ...doc }
  for (const [field, v] of Object.entries(projection)) if (v === 0) delete out[field]
  return out
}

/** The transaction entry points node-sdk's `Db` offers (server side only). */
export interface TransactionalDatabase {
  startTransaction(): Promise<unknown>
  runTransaction<T>(callback: (transaction: unknown) => Promise<T>, times?: number): Promise<T>
}

/** Node-sdk's request class, with the HTTP call replaced by the stand-in's `serve`. */
class StandInRequester {
  private readonly standIn: CloudBaseStandIn

  constructor(config: { standIn?: CloudBaseStandIn }) {
    if (!config.standIn) throw new Error('stand-in: this Db was not created by CloudBaseStandIn.database()')
    this.standIn = config.standIn
  }

  send(api: string, params?: Params): Promise<unknown> {
    return this.standIn.serve(api, params)
  }
}

let installed = false
/** `Db.reqClass` is static and shared by every `Db` in this module registry (one jest test file). */
function installStandInRequester(): void {
  if (installed) return
  Db.reqClass = StandInRequester
  installed = true
}
