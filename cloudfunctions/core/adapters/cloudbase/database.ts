/**
 * The slice of the CloudBase document database (`app.database()` of @cloudbase/node-sdk, which is
 * `Db` of @cloudbase/database) that the adapter uses. Declared here, structurally, so the stores
 * and their unit tests never load the SDK; the SDK's `Db` satisfies it as is (see index.ts).
 */
export type OrderDirection = 'asc' | 'desc'

/** A document as the database hands it back: plain data plus `_id` (and `_openid` if a client wrote it). */
export type RawDocument = Record<string, unknown>

export interface DbQuery {
  where(condition: object): DbQuery
  orderBy(field: string, direction: OrderDirection): DbQuery
  /** The SDK sends 100 when no limit is given and caps any limit at 1000. */
  limit(max: number): DbQuery
  field(projection: object): DbQuery
  get(): Promise<{ data: unknown[] }>
  /** Removes every match (`multi: true`); the SDK ignores `limit` here. */
  remove(): Promise<unknown>
  /** `{total}`: how many documents match. */
  count(): Promise<unknown>
  /**
   * `$set`s the given properties on every match (`multi: true`, never inserts); answers `{updated}`
   * (documents whose stored value changed). The SDK flattens nested plain objects into dot paths
   * and drops empty ones and `undefined`, so a nested object is MERGED: use `command.set(obj)` to
   * replace one.
   */
  update(data: object): Promise<unknown>
}

export interface DbDocument {
  /** Outside a transaction `data` is an array of zero or one document. */
  get(): Promise<unknown>
  /** Replaces the whole document, inserting it when missing (`upsert: true, merge: false`). */
  set(data: object): Promise<unknown>
  /** Like `DbQuery.update` on this one document: nested objects merge unless wrapped in `command.set`. */
  update(data: object): Promise<unknown>
  remove(): Promise<unknown>
}

/**
 * `collection().aggregate()`: a pipeline the service runs in one request (`database.aggregateDocuments`).
 * `end()` answers `{data: [...]}`. Only `match` (a `where`-style condition), `unwind`, `group`, `sort` and
 * `limit` are used.
 */
export interface DbAggregate {
  match(condition: object): DbAggregate
  group(spec: object): DbAggregate
  /** One document per element of an array field (`$fields`), for counts per element. */
  unwind(field: string): DbAggregate
  /** `{ field: 1 | -1 }`, in priority order. */
  sort(spec: Record<string, 1 | -1>): DbAggregate
  limit(n: number): DbAggregate
  end(): Promise<unknown>
}

export interface DbCollection extends DbQuery {
  doc(id: string): DbDocument
  aggregate(): DbAggregate
  /** `database.insertDocument`: fails with DATABASE_DUPLICATE_WRITE when `_id` is taken. */
  add(data: object): Promise<unknown>
}

/** The query operators of `db.command` the stores use (`_.and([...])` / `_.or([...])` take an array). */
export interface DbCommand {
  in(values: unknown[]): unknown
  nin(values: unknown[]): unknown
  gt(value: unknown): unknown
  gte(value: unknown): unknown
  lt(value: unknown): unknown
  lte(value: unknown): unknown
  and(conditions: object[]): unknown
  or(conditions: object[]): unknown
  /** Not equal (a missing property counts as not equal). */
  neq(value: unknown): unknown
  /** An update operator: adds `value` to the number in place, atomically on the server. */
  inc(value: number): unknown
  /** An update operator: replaces the property with `value` whole (no merging of nested objects). */
  set(value: object): unknown
}

/**
 * A node-sdk transaction (server side only): single-document operations on any collections,
 * committed together (audit D6). No `where()`, queries or counts inside; a document changed by
 * someone else meanwhile fails the commit (DATABASE_TRANSACTION_CONFLICT), which `runTransaction`
 * retries. Inside, `doc().get()` answers `{data: document | null}`.
 */
export interface DbTransaction {
  collection(name: string): { doc(id: string): DbDocument; add(data: object): Promise<unknown> }
}

export interface DocumentDatabase {
  collection(name: string): DbCollection
  createCollection(name: string): Promise<unknown>
  /** Runs `callback` in a transaction and commits it (rolled back when it throws); up to `times` retries on conflict. */
  runTransaction(callback: (transaction: DbTransaction) => Promise<unknown>, times?: number): Promise<unknown>
  command: DbCommand
  /** `db.RegExp({regexp, options})`: a server-side regular expression condition. */
  RegExp(pattern: { regexp: string; options?: string }): unknown
}

/**
 * A failed database call. The SDK throws `TcbError {code, message, requestId}` when the service
 * answers with a `code` (node-sdk src/utils/tcbapirequester.ts `request` → `processReturn`);
 * after `setThrowOnCode(false)` it returns that object instead, and `checked` turns it back into
 * a throw, so the stores see one failure shape either way.
 */
export class DatabaseError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`)
    this.name = 'DatabaseError'
  }
}

function fieldOf(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined
}

/** The service's error code of a thrown error or returned result; undefined when there is none. */
export function errorCode(value: unknown): string | undefined {
  const code = fieldOf(value, 'code')
  return typeof code === 'string' && code !== '' ? code : undefined
}

/** Throws when the SDK returned (instead of threw) an error result; passes good results through. */
export async function checked<T>(call: Promise<T>): Promise<T> {
  const result = await call
  const code = errorCode(result)
  if (code) throw new DatabaseError(code, String(fieldOf(result, 'message') ?? ''))
  return result
}

/** An insert hit an existing `_id` (or another unique index). */
export function isDuplicateWrite(error: unknown): boolean {
  if (errorCode(error) === 'DATABASE_DUPLICATE_WRITE') return true
  // Older gateways pass MongoDB's own wording through with a generic code.
  const message = fieldOf(error, 'message')
  return typeof message === 'string' && /E11000|duplicate key/i.test(message)
}

export function isCollectionMissing(error: unknown): boolean {
  return errorCode(error) === 'DATABASE_COLLECTION_NOT_EXIST'
}

/**
 * The documents of a `get()` answer, whether the SDK gave an array or (in a transaction) one
 * document. Documents carrying `_openid` are dropped: the service stamps it on every document a
 * mini-program client writes, and nothing here is ever client-written, so such a document is a
 * forgery that slipped past a collection left writable (audit D1), never data to serve.
 */
export function documentsOf(result: unknown): RawDocument[] {
  const data = fieldOf(result, 'data')
  const list = Array.isArray(data) ? data : data ? [data] : []
  return list.filter((d): d is RawDocument => typeof d === 'object' && d !== null && !('_openid' in d))
}

/** How many documents a `remove()` deleted. */
export function deletedCount(result: unknown): number {
  const deleted = fieldOf(result, 'deleted')
  return typeof deleted === 'number' ? deleted : 0
}

/** How many documents an `update()` changed. */
export function updatedCount(result: unknown): number {
  const updated = fieldOf(result, 'updated')
  return typeof updated === 'number' ? updated : 0
}

/** The `total` of a `count()` answer. */
export function totalOf(result: unknown): number {
  const total = fieldOf(result, 'total')
  return typeof total === 'number' ? total : 0
}
