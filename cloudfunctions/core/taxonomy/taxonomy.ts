import type { ActionPayload, FieldItem, TaxonomyList } from '../../../types'
import { ACTIVITY_TYPES, COUNTIES, DEGREES, POLICY_CATEGORIES, PRIVACY_VERSION, SEED_FIELDS } from '../../../types'
import type { Deps } from '../shared/context'
import { conflict, notFound } from '../shared/errors'

/** All key industry fields; a store that has none yet gets the seed list first. */
export async function allFields(deps: Pick<Deps, 'store'>): Promise<FieldItem[]> {
  const fields = await deps.store.fields.list()
  if (fields.length > 0) return fields
  for (const [index, seed] of SEED_FIELDS.entries()) {
    await deps.store.fields.save({ ...seed, active: true, sort: (index + 1) * 10 })
  }
  return deps.store.fields.list()
}

export async function activeFields(deps: Pick<Deps, 'store'>): Promise<FieldItem[]> {
  return (await allFields(deps)).filter((field) => field.active)
}

export async function listTaxonomy(deps: Pick<Deps, 'store' | 'push'>): Promise<TaxonomyList> {
  const fields = await activeFields(deps)
  return {
    counties: COUNTIES.map(({ id, name }) => ({ id, name })),
    degrees: DEGREES.map(({ id, name }) => ({ id, name })),
    fields: fields.map(({ id, name }) => ({ id, name })),
    privacyVersion: PRIVACY_VERSION,
    activityTypes: ACTIVITY_TYPES.map(({ id, name }) => ({ id, name })),
    policyCategories: POLICY_CATEGORIES.map(({ id, name }) => ({ id, name })),
    subscribeTemplates: deps.push.templates,
  }
}

/** Creates a field (without id: one is derived) or renames, reorders, retires an existing one. */
export async function saveField(deps: Deps, input: ActionPayload<'taxonomy.saveField'>): Promise<FieldItem> {
  const fields = await allFields(deps)
  const existing = input.id ? fields.find((f) => f.id === input.id) : undefined
  if (input.id && !existing) throw notFound('没有这个重点产业领域')
  const sameName = fields.find((f) => f.name === input.name && f.id !== existing?.id)
  if (sameName) throw conflict(`已有名为“${input.name}”的重点产业领域`)
  const field: FieldItem = {
    id: existing?.id ?? nextFieldId(fields),
    name: input.name,
    active: input.active ?? existing?.active ?? true,
    sort: input.sort ?? existing?.sort ?? Math.max(0, ...fields.map((f) => f.sort)) + 10,
  }
  return deps.store.fields.save(field)
}

function nextFieldId(fields: readonly FieldItem[]): string {
  const taken = new Set(fields.map((f) => f.id))
  let n = fields.length + 1
  while (taken.has(`field-${n}`)) n += 1
  return `field-${n}`
}
