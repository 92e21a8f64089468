import type { FieldItem } from '../../../../types'
import type { FieldStore } from '../../taxonomy/ports'
import { COLLECTIONS, type Collections } from './collections'
import { checked, documentsOf, type RawDocument } from './database'

/**
 * The hard cap of one list read. The taxonomy is a handful of staff-made fields; the explicit
 * limit keeps it from silently stopping at the SDK's default of 100.
 */
export const FIELD_LIST_LIMIT = 1000

function fieldFromDocument(doc: RawDocument): FieldItem {
  return { id: String(doc._id), name: String(doc.name), active: doc.active === true, sort: Number(doc.sort) }
}

export class CloudBaseFieldStore implements FieldStore {
  constructor(private readonly collections: Collections) {}

  async list(): Promise<FieldItem[]> {
    const result = await this.collections.run(COLLECTIONS.fields, (c) =>
      checked(c.orderBy('sort', 'asc').orderBy('_id', 'asc').limit(FIELD_LIST_LIMIT).get()),
    )
    return documentsOf(result).map(fieldFromDocument)
  }

  /** `doc(id).set` replaces the whole document or inserts it: the upsert the port asks for. */
  async save(field: FieldItem): Promise<FieldItem> {
    const { id, name, active, sort } = field
    await this.collections.run(COLLECTIONS.fields, (c) => checked(c.doc(id).set({ name, active, sort })))
    return { id, name, active, sort }
  }
}
