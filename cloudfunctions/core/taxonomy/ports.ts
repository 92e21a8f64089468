import type { FieldItem } from '../../../types'

/** Key industry fields: taxonomy data that staff edit, not constants in code. */
export interface FieldStore {
  /** Every key industry field, retired ones included, by `sort` then id. */
  list(): Promise<FieldItem[]>
  /** Inserts or replaces the field with this id. */
  save(field: FieldItem): Promise<FieldItem>
}
