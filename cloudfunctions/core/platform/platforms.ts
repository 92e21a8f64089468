import type { ActionPayload, ImportReport, Page, Platform, PlatformView } from '../../../types'
import {
  COUNTIES,
  DEGREES,
  PLATFORM_KINDS,
  PLATFORM_OFFERS,
  createPlatformInput,
  importHeader,
} from '../../../types'
import { recordAudit } from '../audit/audit'
import { toIsoString } from '../shared/clock'
import type { Deps } from '../shared/context'
import { pageSize } from '../shared/cursor'
import { conflict, forbidden, invalidInput, notFound } from '../shared/errors'
import { newId } from '../shared/ids'
import type { Caller } from '../access/access'
import { importRows, parseOrThrow } from '../files/spreadsheet-import'
import { allFields } from '../taxonomy/taxonomy'

const nowIso = (deps: Deps) => toIsoString(deps.clock.now())

/** How much of a platform's history its page shows. */
export const PLATFORM_PAGE_LINES = 10
export const PLATFORM_PARTICIPANTS_MAX = 100

/** Students never see how to reach the platform's people: that goes through the league. */
function publicView(platform: Platform, caller: Caller): Platform {
  return caller.isStaff ? platform : { ...platform, contact: null }
}

async function checkFieldIds(deps: Deps, ids: readonly string[]) {
  const known = new Set((await allFields(deps)).map((f) => f.id))
  ids.forEach((id, i) => {
    if (!known.has(id)) throw invalidInput(`fields.${i}`, '所选重点产业领域不存在')
  })
}

/** Photos must be this deployment's uploads (the schema already checked their form and number). */
async function checkPhotos(deps: Deps, photos: readonly string[] | undefined) {
  const covers = deps.files.covers
  if (!photos || !covers) return
  const ours = await Promise.all(photos.map((p) => covers.isOurs(p)))
  ours.forEach((ok, i) => {
    if (!ok) throw invalidInput(`photos.${i}`, '照片须是上传的图片')
  })
}

/** An active platform to link an activity or a demand to; the field error names `platformId`. */
export async function requireLinkablePlatform(deps: Deps, platformId: string): Promise<Platform> {
  const platform = await deps.store.platforms.get(platformId)
  if (!platform || platform.status !== 'active') throw invalidInput('platformId', '没有找到这个创新平台')
  return platform
}

async function requirePlatform(deps: Deps, caller: Caller, id: string): Promise<Platform> {
  const platform = await deps.store.platforms.get(id)
  // An archived platform is gone for students; staff still open it.
  if (!platform || (platform.status !== 'active' && !caller.isStaff)) throw notFound('没有找到这个创新平台')
  return platform
}

// ——— everyone: the directory and a platform's page ———

export async function listPlatforms(deps: Deps, caller: Caller, input: ActionPayload<'platform.list'>): Promise<Page<Platform>> {
  let relevantTo: { fields: string[]; degree: string } | null = null
  if (input.mine) {
    if (!caller.member) throw forbidden('加入翼展联盟后才能查看与我相关的平台')
    relevantTo = { fields: caller.member.fields, degree: caller.member.degree }
  }
  const page = await deps.store.platforms.list({
    q: input.q,
    kind: input.kind ?? null,
    county: input.county ?? null,
    field: input.field ?? null,
    relevantTo,
    includeArchived: caller.isStaff && input.includeArchived === true,
    cursor: input.cursor ?? null,
    limit: pageSize(input.limit),
  })
  return { ...page, items: page.items.map((p) => publicView(p, caller)) }
}

export async function viewPlatform(deps: Deps, caller: Caller, input: ActionPayload<'platform.get'>): Promise<PlatformView> {
  const platform = await requirePlatform(deps, caller, input.id)
  const now = nowIso(deps)
  const platforms = deps.store.platforms
  const [upcoming, past, openDemands] = await Promise.all([
    platforms.activities(platform.id, 'upcoming', now, PLATFORM_PAGE_LINES),
    platforms.activities(platform.id, 'past', now, PLATFORM_PAGE_LINES),
    platforms.openDemands(platform.id, now.slice(0, 10), PLATFORM_PAGE_LINES),
  ])
  const participants = caller.isStaff ? await platforms.participants(past, PLATFORM_PARTICIPANTS_MAX) : null
  const drafts = caller.isStaff ? await platforms.activities(platform.id, 'drafts', now, PLATFORM_PAGE_LINES) : null
  return {
    ...publicView(platform, caller),
    upcoming,
    past,
    openDemands,
    participants,
    drafts,
    totals: { activities: past.length, attended: past.reduce((sum, a) => sum + a.attended, 0) },
  }
}

// ——— staff: create, edit, archive, import ———

export async function createPlatform(deps: Deps, caller: Caller, input: ActionPayload<'platform.create'>): Promise<Platform> {
  await checkFieldIds(deps, input.fields)
  await checkPhotos(deps, input.photos)
  if (await deps.store.platforms.findActiveByName(input.name)) throw conflict(`已有名为「${input.name}」的创新平台`)
  const at = nowIso(deps)
  const platform: Platform = { id: newId('pf'), ...input, status: 'active', createdAt: at, updatedAt: at, isDemo: false }
  await deps.store.platforms.create(platform)
  await recordAudit(deps, caller, { action: 'platform.create', summary: `创建创新平台「${platform.name}」` })
  return platform
}

export async function updatePlatform(deps: Deps, caller: Caller, input: ActionPayload<'platform.update'>): Promise<Platform> {
  const { id, ...changes } = input
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as typeof changes
  const current = await requirePlatform(deps, caller, id)
  if (defined.fields) await checkFieldIds(deps, defined.fields)
  await checkPhotos(deps, defined.photos)
  if (defined.name && defined.name !== current.name) {
    const other = await deps.store.platforms.findActiveByName(defined.name)
    if (other && other.id !== id) throw conflict(`已有名为「${defined.name}」的创新平台`)
  }
  const updated = await deps.store.platforms.update(id, defined, nowIso(deps))
  if (!updated) throw notFound('没有找到这个创新平台')
  await recordAudit(deps, caller, { action: 'platform.update', summary: `修改创新平台「${updated.name}」` })
  return updated
}

export async function archivePlatform(deps: Deps, caller: Caller, input: ActionPayload<'platform.archive'>): Promise<Platform> {
  const platform = await requirePlatform(deps, caller, input.id)
  if (!(await deps.store.platforms.archive(input.id, nowIso(deps)))) throw conflict('这个创新平台已经归档了')
  await recordAudit(deps, caller, { action: 'platform.archive', summary: `归档创新平台「${platform.name}」` })
  return (await deps.store.platforms.get(input.id))!
}

/** A list cell as staff write it: names separated by 、，, ; or spaces. */
const listCell = (value: string) =>
  value
    .split(/[、，,;；\s]+/)
    .map((v) => v.trim())
    .filter(Boolean)

/** Names in a cell → ids of the vocabulary; an unknown name stays as written, so the schema names it. */
function idsByName(vocabulary: readonly { id: string; name: string }[], value: string): string[] {
  return listCell(value).map((name) => vocabulary.find((item) => item.name === name || item.id === name)?.id ?? name)
}

/**
 * Bulk creation from a spreadsheet, one platform per row, by the same rules as `platform.create`
 * (names of kinds, counties, fields, degrees and offers as people write them); good rows land,
 * bad rows are reported by the number the spreadsheet shows.
 */
export async function importPlatforms(deps: Deps, caller: Caller, input: ActionPayload<'platform.import'>): Promise<ImportReport> {
  const fields = await allFields(deps)
  const report = await importRows(deps, input, { ...importHeader('platform'), maxRows: 500 }, async (cell) => {
    const contactName = cell('联系人')
    const contactPhone = cell('联系电话')
    const platform = parseOrThrow(
      createPlatformInput.safeParse({
        name: cell('平台名称'),
        kind: idsByName(PLATFORM_KINDS, cell('平台类型'))[0] ?? '',
        county: idsByName(COUNTIES, cell('所在县区'))[0] ?? '',
        fields: idsByName(fields, cell('重点产业领域')),
        hostOrg: cell('依托单位'),
        intro: cell('平台简介'),
        partnerUniversities: listCell(cell('合作高校')),
        offers: idsByName(PLATFORM_OFFERS, cell('提供机会')),
        degrees: idsByName(DEGREES, cell('面向学历')),
        contact: contactName || contactPhone ? { name: contactName, phone: contactPhone, note: '' } : null,
      }),
    )
    await createPlatform(deps, caller, platform)
  })
  await recordAudit(deps, caller, {
    action: 'platform.import',
    summary: `从 ${input.filename} 导入创新平台：成功${report.imported}行，失败${report.errors.length}行`,
  })
  return report
}
