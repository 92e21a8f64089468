import type {
  ActionPayload,
  Demand,
  DemandView,
  ExportFile,
  ImportReport,
  Interest,
  Match,
  Page,
  Policy,
  PolicyHit,
  PolicyView,
} from '../../../types'
import {
  COUNTIES,
  DEGREES,
  DEGREE_IDS,
  POLICY_CATEGORIES,
  SHAREABLE_LABELS,
  createDemandInput,
  createPolicyInput,
  markupToHtml,
  importHeader,
  nameOf,
} from '../../../types'
import { recordAudit } from '../audit/audit'
import { toIsoString } from '../shared/clock'
import type { Deps } from '../shared/context'
import { decodeCursor, encodeCursor, pageSize } from '../shared/cursor'
import { AppError, conflict, forbidden, invalidInput, notFound } from '../shared/errors'
import { LIMITS, requireWithinLimit } from '../shared/rate-limit'
import { newId } from '../shared/ids'
import type { Caller } from '../access/access'
import type { PolicyRecord } from './ports'
import { htmlToText, sanitizePolicyHtml } from './rich-text'
import { importRows, parseOrThrow } from '../files/spreadsheet-import'
import { markWords, queryWords, snippetAround } from './snippets'
import { allFields } from '../taxonomy/taxonomy'
import { requireLinkablePlatform } from '../platform/platforms'
import { memberFactsChanged, memberFactsGained } from '../pipeline/facts'

const nowIso = (deps: Deps) => toIsoString(deps.clock.now())
const today = (deps: Deps) => nowIso(deps).slice(0, 10)

function toPolicy({ bodyText: _text, ...policy }: PolicyRecord): Policy {
  return policy
}

async function requirePolicy(deps: Deps, caller: Caller, id: string): Promise<PolicyRecord> {
  const policy = await deps.store.policies.get(id)
  // Unpublished policies do not exist for students.
  if (!policy || (policy.status !== 'published' && !caller.isStaff)) throw notFound('没有找到这条政策')
  return policy
}

async function checkFieldIds(deps: Deps, ids: readonly string[], path = 'fields') {
  if (ids.length === 0) return
  const known = new Set((await allFields(deps)).map((f) => f.id))
  ids.forEach((id, i) => {
    if (!known.has(id)) throw invalidInput(`${path}.${i}`, '所选重点产业领域不存在')
  })
}

// ——— staff: policies ———

/** The markup staff typed → the stored, sanitised HTML (the sanitizer stays as a second line of defence). */
const policyBodyHtml = (deps: Deps, markup: string) => sanitizePolicyHtml(deps.files.html, markupToHtml(markup))

export async function createPolicy(deps: Deps, caller: Caller, input: ActionPayload<'policy.create'>): Promise<Policy> {
  await checkFieldIds(deps, input.fields)
  const body = await policyBodyHtml(deps, input.body)
  if (!htmlToText(body)) throw invalidInput('body', '正文不能为空（只保留文字、标题、列表和链接）')
  const at = nowIso(deps)
  const record: PolicyRecord = {
    id: newId('po'),
    ...input,
    body,
    bodyText: htmlToText(body),
    status: 'draft',
    publishedAt: null,
    createdAt: at,
    updatedAt: at,
  }
  await deps.store.policies.create(record)
  await recordAudit(deps, caller, { action: 'policy.create', summary: `新建政策「${record.title}」` })
  return toPolicy(record)
}

export async function updatePolicy(deps: Deps, caller: Caller, input: ActionPayload<'policy.update'>): Promise<Policy> {
  const current = await deps.store.policies.get(input.id)
  if (!current) throw notFound('没有找到这条政策')
  const { id, ...changes } = input
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as typeof changes
  if (defined.fields) await checkFieldIds(deps, defined.fields)
  const merged = { ...current, ...defined }
  if (merged.effectiveFrom && merged.effectiveUntil && merged.effectiveUntil < merged.effectiveFrom) {
    throw invalidInput('effectiveUntil', '失效日期不能早于生效日期')
  }
  const body = defined.body !== undefined ? await policyBodyHtml(deps, defined.body) : undefined
  // As on create: a body that sanitises to nothing is refused, never stored empty (m-10).
  if (body !== undefined && !htmlToText(body)) throw invalidInput('body', '正文不能为空（只保留文字、标题、列表和链接）')
  const updated = await deps.store.policies.update(
    id,
    { ...defined, ...(body !== undefined ? { body, bodyText: htmlToText(body) } : {}) },
    nowIso(deps),
  )
  if (!updated) throw notFound('没有找到这条政策')
  await recordAudit(deps, caller, { action: 'policy.update', summary: `修改政策「${updated.title}」` })
  return toPolicy(updated)
}

export async function setPolicyPublished(deps: Deps, caller: Caller, id: string, published: boolean): Promise<Policy> {
  const policy = await deps.store.policies.get(id)
  if (!policy) throw notFound('没有找到这条政策')
  if (!(await deps.store.policies.setStatus(id, published ? 'published' : 'draft', nowIso(deps)))) {
    throw conflict(published ? '这条政策已经发布了' : '这条政策还没有发布')
  }
  await recordAudit(deps, caller, {
    action: published ? 'policy.publish' : 'policy.unpublish',
    summary: `${published ? '发布' : '撤回'}政策「${policy.title}」`,
  })
  return toPolicy((await deps.store.policies.get(id))!)
}

// ——— everyone: search, read, favourites ———

const hitOf = (p: PolicyRecord, words: string[]): PolicyHit => ({
  id: p.id,
  title: p.title,
  category: p.category,
  summary: p.summary,
  issuer: p.issuer,
  effectiveUntil: p.effectiveUntil,
  status: p.status,
  tags: p.tags,
  titleParts: markWords(p.title, words),
  snippet: words.length > 0 ? snippetAround(p.summary, p.bodyText, words) : [{ text: p.summary, hit: false }],
})

const MAX_SEARCH_OFFSET = 500

export async function searchPolicies(deps: Deps, caller: Caller, input: ActionPayload<'policy.search'>): Promise<Page<PolicyHit>> {
  const words = queryWords(input.q)
  if (words.length > 0 && caller.openid) {
    // Searching with words is the costly path: limited per caller (m-6). In the mini-program every
    // caller has an openid; a shared budget for anonymous callers (local H5 only) would let one
    // visitor lock every other out, so they are left to the server's own capacity.
    const limit = LIMITS.searchPerCaller
    await requireWithinLimit(deps, `search:${caller.openid}`, limit.max, limit.windowMs, '搜索过于频繁，请稍后再试')
  }
  const offset = Number(decodeCursor(input.cursor, 1)?.[0] ?? 0)
  if (!Number.isInteger(offset) || offset < 0 || offset > MAX_SEARCH_OFFSET) throw invalidInput('cursor', '分页位置已失效，请刷新后重试')
  const limit = pageSize(input.limit)
  const { items, more } = await deps.store.policies.search({
    words,
    category: input.category ?? null,
    field: input.field ?? null,
    degree: input.degree ?? null,
    county: input.county ?? null,
    tag: input.tag || null,
    inEffectOn: input.inEffect ? today(deps) : null,
    includeDrafts: caller.isStaff && input.manage === true,
    status: input.status ?? null,
    offset,
    limit,
  })
  const next = offset + items.length
  return { items: items.map((p) => hitOf(p, words)), nextCursor: more && next <= MAX_SEARCH_OFFSET ? encodeCursor([next]) : null }
}

export async function viewPolicy(deps: Deps, caller: Caller, input: ActionPayload<'policy.get'>): Promise<PolicyView> {
  const policy = await requirePolicy(deps, caller, input.id)
  const favorited = caller.openid && caller.member ? await deps.store.policies.isFavorite(caller.openid, policy.id) : false
  return { ...toPolicy(policy), favorited }
}

export async function favoritePolicy(deps: Deps, caller: Caller, input: ActionPayload<'policy.favorite'>): Promise<{ favorited: boolean }> {
  const policy = await requirePolicy(deps, caller, input.id)
  await deps.store.policies.setFavorite(caller.openid!, policy.id, input.favorite, nowIso(deps))
  return { favorited: input.favorite }
}

export async function myFavorites(deps: Deps, caller: Caller, input: ActionPayload<'policy.myFavorites'>): Promise<Page<PolicyHit>> {
  const page = await deps.store.policies.favorites(caller.openid!, input.cursor ?? null, pageSize(input.limit))
  return { items: page.items.map((p) => hitOf(p, [])), nextCursor: page.nextCursor }
}

const DEGREE_RANK = Object.fromEntries(DEGREE_IDS.map((id, i) => [id, i])) as Record<string, number>

/** 与我相关: policies and open demands that fit my profile, best first, with why. */
export async function matchMine(
  deps: Deps,
  caller: Caller,
): Promise<{ policies: Match<PolicyHit>[]; demands: Match<Demand>[] }> {
  const member = caller.member
  if (!member) throw forbidden('请先加入翼展联盟')
  const fieldNames = new Map((await allFields(deps)).map((f) => [f.id, f.name]))
  const reason = (met: string) => {
    const [dim, value] = met.split(':')
    if (dim === 'field') return `领域：${fieldNames.get(value) ?? value}`
    if (dim === 'degree') return `学历：${nameOf(DEGREES, value)}`
    return `家乡：${nameOf(COUNTIES, value)}`
  }
  const policies = (await deps.store.policies.match({ degree: member.degree, county: member.hometownCounty, fields: member.fields }, 20)).map(
    ({ policy, met }) => ({ item: hitOf(policy, []), score: met.length, why: met.map(reason) }),
  )
  const myRank = DEGREE_RANK[member.degree] ?? 0
  const day = today(deps)
  const demands = (await deps.store.demands.openInFields(member.fields, 60))
    .filter((d) => d.deadline >= day && myRank >= (DEGREE_RANK[d.degree] ?? 0))
    .map((d) => ({
      item: d,
      score: 1 + (myRank === DEGREE_RANK[d.degree] ? 1 : 0),
      why: [`领域：${fieldNames.get(d.field) ?? d.field}`, `学历：${nameOf(DEGREES, member.degree)}（要求${nameOf(DEGREES, d.degree)}及以上）`],
    }))
    .sort((a, b) => b.score - a.score || a.item.deadline.localeCompare(b.item.deadline))
    .slice(0, 20)
  return { policies, demands }
}

// ——— demands ———

export async function createDemand(deps: Deps, caller: Caller, input: ActionPayload<'demand.create'>): Promise<Demand> {
  await checkFieldIds(deps, [input.field], 'field')
  if (input.platformId) await requireLinkablePlatform(deps, input.platformId)
  const at = nowIso(deps)
  const id = newId('dm')
  await deps.store.demands.create({ id, ...input, status: 'open', createdAt: at, updatedAt: at })
  await recordAudit(deps, caller, { action: 'demand.create', summary: `发布岗位需求「${input.employer} · ${input.position}」` })
  return (await deps.store.demands.get(id))!
}

export async function updateDemand(deps: Deps, caller: Caller, input: ActionPayload<'demand.update'>): Promise<Demand> {
  const { id, ...changes } = input
  const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as typeof changes
  if (defined.field) await checkFieldIds(deps, [defined.field], 'field')
  if (defined.platformId) await requireLinkablePlatform(deps, defined.platformId)
  const updated = await deps.store.demands.update(id, defined, nowIso(deps))
  if (!updated) throw notFound('没有找到这个岗位')
  if (updated.salaryMin !== null && updated.salaryMax !== null && updated.salaryMax < updated.salaryMin) {
    throw invalidInput('salaryMax', '最高薪资不能低于最低薪资')
  }
  await recordAudit(deps, caller, { action: 'demand.update', summary: `修改岗位需求「${updated.employer} · ${updated.position}」` })
  return updated
}

export async function closeDemand(deps: Deps, caller: Caller, input: ActionPayload<'demand.close'>): Promise<Demand> {
  const demand = await deps.store.demands.get(input.id)
  if (!demand) throw notFound('没有找到这个岗位')
  if (!(await deps.store.demands.close(input.id, nowIso(deps)))) throw conflict('这个岗位已经关闭了')
  await recordAudit(deps, caller, { action: 'demand.close', summary: `关闭岗位需求「${demand.employer} · ${demand.position}」` })
  return (await deps.store.demands.get(input.id))!
}

export async function listDemands(deps: Deps, caller: Caller, input: ActionPayload<'demand.list'>): Promise<Page<Demand>> {
  return deps.store.demands.list({
    words: queryWords(input.q),
    field: input.field ?? null,
    degree: input.degree ?? null,
    includeClosed: caller.isStaff && input.manage === true,
    cursor: input.cursor ?? null,
    limit: pageSize(input.limit),
  })
}

export async function viewDemand(deps: Deps, caller: Caller, input: ActionPayload<'demand.get'>): Promise<DemandView> {
  const demand = await deps.store.demands.get(input.id)
  if (!demand || (demand.status !== 'open' && !caller.isStaff)) throw notFound('没有找到这个岗位')
  const mine = caller.openid && caller.member ? await deps.store.demands.interestOf(demand.id, caller.openid) : null
  return { ...demand, myInterest: mine }
}

export async function registerInterest(deps: Deps, caller: Caller, input: ActionPayload<'demand.registerInterest'>): Promise<DemandView> {
  const member = caller.member
  if (!member) throw forbidden('请先加入翼展联盟')
  const demand = await deps.store.demands.get(input.id)
  if (!demand || demand.status !== 'open') throw notFound('这个岗位已关闭')
  if (demand.deadline < today(deps)) throw new AppError('SIGNUP_CLOSED', '这个岗位已过截止日期')
  const values = {
    name: member.name,
    phone: member.phone,
    university: member.university,
    major: member.major,
    degree: nameOf(DEGREES, member.degree),
    graduationYear: member.graduationYear,
    hometownCounty: nameOf(COUNTIES, member.hometownCounty),
  }
  // Only what the student agreed to share is copied; nothing else of the profile.
  const shared = Object.fromEntries(input.share.map((k) => [k, values[k]]))
  const created = await deps.store.demands.registerInterest({
    demandId: demand.id,
    openid: member.openid,
    at: nowIso(deps),
    shared,
    share: input.share,
  })
  if (!created) throw conflict('你已经登记过对这个岗位的兴趣了')
  await memberFactsGained(deps, member.openid, { intent: true })
  return viewDemand(deps, caller, { id: demand.id })
}

export async function withdrawInterest(deps: Deps, caller: Caller, input: ActionPayload<'demand.withdrawInterest'>): Promise<DemandView> {
  if (!(await deps.store.demands.withdrawInterest(input.id, caller.openid!))) throw notFound('你没有登记过这个岗位')
  await memberFactsChanged(deps, caller.openid!)
  return viewDemand(deps, caller, { id: input.id })
}

export async function listInterests(deps: Deps, caller: Caller, input: ActionPayload<'demand.interests'>): Promise<Page<Interest>> {
  const demand = await deps.store.demands.get(input.id)
  if (!demand) throw notFound('没有找到这个岗位')
  const page = await deps.store.demands.interests(input.id, input.cursor ?? null, pageSize(input.limit))
  // The list shows full phone numbers that students chose to share: viewing them is a reveal (m-4).
  const phones = page.items.filter((i) => i.shared.phone !== undefined).length
  if (phones > 0) {
    await recordAudit(deps, caller, {
      action: 'demand.interests',
      summary: `查看岗位「${demand.employer}·${demand.position}」的意向名单${page.items.length}人（完整手机号${phones}个）`,
    })
  }
  return page
}

export async function exportInterests(deps: Deps, caller: Caller, input: ActionPayload<'demand.exportInterests'>): Promise<ExportFile> {
  const demand = await deps.store.demands.get(input.id)
  if (!demand) throw notFound('没有找到这个岗位')
  const keys = Object.keys(SHAREABLE_LABELS) as (keyof typeof SHAREABLE_LABELS)[]
  const rows: (string | number)[][] = []
  let cursor: string | null = null
  do {
    const page = await deps.store.demands.interests(demand.id, cursor, 500)
    for (const i of page.items) rows.push([...keys.map((k) => i.shared[k] ?? '（未提供）'), i.at.slice(0, 16).replace('T', ' ')])
    cursor = page.nextCursor
  } while (cursor && rows.length < 5000)
  const content = await deps.files.spreadsheets.writeXlsx('意向名单', [...keys.map((k) => SHAREABLE_LABELS[k]), '登记时间'], rows)
  await recordAudit(deps, caller, {
    action: 'demand.exportInterests',
    summary: `导出岗位「${demand.employer} · ${demand.position}」意向名单${rows.length}人`,
  })
  return { filename: `${demand.employer}-${demand.position}-意向名单.xlsx`, contentBase64: content.toString('base64'), rows: rows.length }
}

// ——— bulk import of policies and demands ———

const splitList = (cell: string) => cell.split(/[、,，;；\s]+/).map((s) => s.trim()).filter(Boolean)

export async function importPolicies(deps: Deps, caller: Caller, input: ActionPayload<'policy.import'>): Promise<ImportReport> {
  const fieldIdByName = new Map((await allFields(deps)).map((f) => [f.name, f.id]))
  const idOf = (list: readonly { id: string; name: string }[], label: string) => (name: string) => {
    const found = list.find((x) => x.name === name || x.id === name)
    if (!found) throw invalidInput(label, `${label}“${name}”不在列表中`)
    return found.id
  }
  const report = await importRows(deps, input, { ...importHeader('policy'), maxRows: 2000 }, async (cell) => {
    const parsed = parseOrThrow(
      createPolicyInput.safeParse({
        title: cell('标题'),
        category: idOf(POLICY_CATEGORIES, '类别')(cell('类别')),
        summary: cell('摘要'),
        // Each line of the cell a paragraph; the cell may also use the editor's markup.
        body: cell('正文').split(/\n+/).join('\n\n'),
        issuer: cell('发文单位'),
        docNumber: cell('文号'),
        fields: splitList(cell('领域')).map((n) => fieldIdByName.get(n) ?? n),
        degrees: splitList(cell('学历')).map(idOf(DEGREES, '学历')),
        counties: splitList(cell('县区')).map(idOf(COUNTIES, '县区')),
        effectiveFrom: cell('生效日期') || null,
        effectiveUntil: cell('失效日期') || null,
        sourceUrl: cell('来源链接') || null,
        tags: splitList(cell('标签')),
      }),
    )
    await createPolicy(deps, caller, parsed)
  })
  await recordAudit(deps, caller, {
    action: 'policy.import',
    summary: `从 ${input.filename} 导入政策：成功${report.imported}行，失败${report.errors.length}行`,
  })
  return report
}

export async function importDemands(deps: Deps, caller: Caller, input: ActionPayload<'demand.import'>): Promise<ImportReport> {
  const fieldIdByName = new Map((await allFields(deps)).map((f) => [f.name, f.id]))
  const report = await importRows(deps, input, { ...importHeader('demand'), maxRows: 2000 }, async (cell) => {
    const number = (name: string) => (cell(name) === '' ? null : Number(cell(name)))
    const degree = DEGREES.find((d) => d.name === cell('学历要求') || d.id === cell('学历要求'))
    const parsed = parseOrThrow(
      createDemandInput.safeParse({
        employer: cell('用人单位'),
        position: cell('岗位'),
        field: fieldIdByName.get(cell('领域')) ?? cell('领域'),
        degree: degree?.id ?? cell('学历要求'),
        headcount: number('招聘人数'),
        place: cell('工作地点'),
        salaryMin: number('最低月薪'),
        salaryMax: number('最高月薪'),
        deadline: cell('截止日期'),
        description: cell('岗位说明'),
      }),
    )
    await createDemand(deps, caller, parsed)
  })
  await recordAudit(deps, caller, {
    action: 'demand.import',
    summary: `从 ${input.filename} 导入岗位需求：成功${report.imported}行，失败${report.errors.length}行`,
  })
  return report
}

