/**
 * A WHERE clause built from optional filters: each filter that is set adds its condition and its
 * named parameter, so a list query reads as the list of its filters.
 */
export class Conditions {
  private readonly where: string[] = []

  constructor(readonly params: Record<string, unknown> = {}) {}

  /** Adds `sql` (which names `@name`) when `value` is set; empty text and null count as unset. */
  when(name: string, value: string | number | null | undefined, sql: string): this {
    if (value === undefined || value === null || value === '') return this
    this.params[name] = value
    return this.add(sql)
  }

  /** Adds `sql` unconditionally, with its parameters. */
  add(sql: string, params: Record<string, unknown> = {}): this {
    this.where.push(sql)
    Object.assign(this.params, params)
    return this
  }

  /** `WHERE a AND b`, or nothing when no filter was set. */
  get clause(): string {
    return this.where.length ? `WHERE ${this.where.join(' AND ')}` : ''
  }
}
