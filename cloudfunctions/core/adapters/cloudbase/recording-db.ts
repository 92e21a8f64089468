import type { DbAggregate, DbCollection, DbDocument, DbQuery, DocumentDatabase, OrderDirection } from './database'

/**
 * A recording double of the SDK database for the adapter's unit tests. It is not an emulator:
 * it only writes down the query each call builds and answers with what the test hands it, so
 * tests can assert query shapes (ids, conditions, limits) without a network.
 */
export type Operation = 'get' | 'add' | 'set' | 'update' | 'remove' | 'count' | 'aggregate' | 'createCollection'

export interface RecordedCall {
  operation: Operation
  collection: string
  doc?: string
  where: object[]
  orderBy: [string, OrderDirection][]
  limit?: number
  field?: object
  data?: object
  /** The `group` stage of an aggregate (its `match` is recorded in `where`). */
  group?: object
}

/** Answers a call: return (or resolve) the SDK's result, or throw its error. */
export type Responder = (call: RecordedCall) => unknown

/** What the SDK answers when all goes well and nothing matched. */
export const emptyResults: Responder = (call) => {
  switch (call.operation) {
    case 'get':
      return { data: [], requestId: 'r' }
    case 'add':
      return { id: (call.data as { _id?: string })._id ?? 'generated', requestId: 'r' }
    case 'set':
      return { updated: 0, upsertedId: call.doc, requestId: 'r' }
    case 'update':
      return { updated: 0, requestId: 'r' }
    case 'remove':
      return { deleted: 0, requestId: 'r' }
    case 'count':
      return { total: 0, requestId: 'r' }
    case 'aggregate':
      return { data: [], requestId: 'r' }
    case 'createCollection':
      return { requestId: 'r' }
  }
}

/** The shape the SDK throws (`TcbError`: an Error with a string `code`). */
export function tcbError(code: string, message = code): Error & { code: string } {
  return Object.assign(new Error(message), { code })
}

/** The marker `command.in(values)` leaves in a recorded condition. */
export const inMarker = (values: unknown[]) => ({ $in: values })

/** The markers the other `command` operators and `db.RegExp` leave in a recorded condition. */
export const commandMarkers = {
  in: inMarker,
  nin: (values: unknown[]) => ({ $nin: values }),
  gt: (value: unknown) => ({ $gt: value }),
  gte: (value: unknown) => ({ $gte: value }),
  lt: (value: unknown) => ({ $lt: value }),
  lte: (value: unknown) => ({ $lte: value }),
  and: (conditions: object[]) => ({ $and: conditions }),
  or: (conditions: object[]) => ({ $or: conditions }),
  neq: (value: unknown) => ({ $ne: value }),
  inc: (value: number) => ({ $inc: value }),
  set: (value: object) => ({ $set: value }),
}
export const regExpMarker = (pattern: { regexp: string; options?: string }) => ({
  $regex: pattern.regexp,
  $options: pattern.options ?? '',
})

type Chain = Omit<RecordedCall, 'operation' | 'data'>

export function createRecordingDb(respond: Responder = emptyResults): DocumentDatabase & { calls: RecordedCall[] } {
  const calls: RecordedCall[] = []
  const record = async (chain: Chain, operation: Operation, data?: object) => {
    // Deep copies, so a later mutation by the caller cannot rewrite history.
    const call: RecordedCall = structuredClone({ ...chain, operation, ...(data ? { data } : {}) })
    calls.push(call)
    return respond(call)
  }

  const query = (chain: Chain): DbQuery => ({
    where: (condition) => query({ ...chain, where: [...chain.where, condition] }),
    orderBy: (field, direction) => query({ ...chain, orderBy: [...chain.orderBy, [field, direction]] }),
    limit: (max) => query({ ...chain, limit: max }),
    field: (projection) => query({ ...chain, field: projection }),
    get: () => record(chain, 'get') as Promise<{ data: unknown[] }>,
    remove: () => record(chain, 'remove'),
    count: () => record(chain, 'count'),
    update: (data) => record(chain, 'update', data),
  })

  const aggregate = (chain: Chain): DbAggregate => ({
    match: (condition) => aggregate({ ...chain, where: [...chain.where, condition] }),
    group: (spec) => aggregate({ ...chain, group: spec }),
    unwind: () => aggregate(chain),
    sort: () => aggregate(chain),
    limit: () => aggregate(chain),
    end: () => record(chain, 'aggregate'),
  })

  const doc = (chain: Chain): DbDocument => ({
    get: () => record(chain, 'get'),
    set: (data) => record(chain, 'set', data),
    update: (data) => record(chain, 'update', data),
    remove: () => record(chain, 'remove'),
  })

  return {
    calls,
    collection(name): DbCollection {
      const chain: Chain = { collection: name, where: [], orderBy: [] }
      return {
        ...query(chain),
        doc: (id) => doc({ ...chain, doc: id }),
        add: (data) => record(chain, 'add', data),
        aggregate: () => aggregate(chain),
      }
    },
    createCollection: (name) => record({ collection: name, where: [], orderBy: [] }, 'createCollection'),
    // Recorded like any other call; the double has no isolation to offer.
    runTransaction: (callback) =>
      callback({
        collection: (name) => {
          const chain: Chain = { collection: name, where: [], orderBy: [] }
          return { doc: (id) => doc({ ...chain, doc: id }), add: (data) => record(chain, 'add', data) }
        },
      }),
    command: commandMarkers,
    RegExp: regExpMarker,
  }
}
