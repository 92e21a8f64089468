import type {
  ActionPayload,
  AnswerValue,
  ExportedMessage,
  ExportedNomination,
  ExportedNotice,
  ExportedPublicSignUp,
  ExportedRegistration,
  ExportedStory,
  ExportedSurvey,
  ExportFile,
  Member,
  MemberExport,
  MemberExportKind,
} from '../../../types'
import {
  CONSIDER_RETURN,
  COUNTIES,
  DEGREES,
  DESTINATION_STATUSES,
  IDENTITY_MODE_LABELS,
  RECIPIENT_STATUS_LABELS,
  NOT_RETURNING_REASONS,
  MEMBER_EXPORT_KINDS,
  MEMBER_EXPORT_NOTICE,
  NOMINATION_STATE_NAMES,
  PRIVACY_VERSION,
  SHAREABLE_LABELS,
  nameOf,
  type ShareableField,
} from '../../../types'
import { growthRecord } from '../activity/activities'
import { competitionTeamsOf } from '../competition/competitions'
import { exportedJuryWork, exportedObjections } from '../honour/export'
import { workPlaceOf } from '../pipeline/rules'
import { exportedPublicSignUps } from '../platform/outreach'
import { relationName } from '../platform/public-export'
import type { Caller } from '../access/access'
import type { Cell } from '../files/ports'
import { toIsoString } from '../shared/clock'
import type { Deps } from '../shared/context'
import { conflict, invalidInput, notFound } from '../shared/errors'
import { toMember } from './members'
import { EXPORT_MAX_PER_KIND } from './privacy-ports'

/** Items per page when reading the paged ports. */
const PAGE = 50

/** Pages read through the paged ports until the cap: an export never reads an unbounded set. */
async function collect<T>(read: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null }>): Promise<T[]> {
  const items: T[] = []
  let cursor: string | null = null
  do {
    const page = await read(cursor)
    items.push(...page.items)
    cursor = page.nextCursor
  } while (cursor && items.length < EXPORT_MAX_PER_KIND)
  return items.slice(0, EXPORT_MAX_PER_KIND)
}

/** Answers keyed by the form's labels (what the member saw), the id when the form lost the field. */
function labelledAnswers(form: { id: string; label: string }[], answers: Record<string, AnswerValue>): Record<string, AnswerValue> {
  const labels = new Map(form.map((f) => [f.id, f.label]))
  return Object.fromEntries(Object.entries(answers).map(([id, value]) => [labels.get(id) ?? id, value]))
}

/** Everything stored about the caller (PIPL art. 45): every list of `MemberExport`, each capped. */
export async function exportMyData(deps: Deps, caller: Caller): Promise<MemberExport> {
  const member = caller.member
  const openid = caller.openid
  if (!member || !openid) throw notFound('还没有加入翼展联盟')
  const stored = await deps.store.privacy.gather(openid)
  const history = await deps.store.registrations.historyOf(openid, EXPORT_MAX_PER_KIND)
  const registrations: ExportedRegistration[] = history.map(({ activity, registration }) => ({
    activityId: activity.id,
    activityTitle: activity.title,
    status: registration.status,
    position: registration.position,
    answers: labelledAnswers(activity.form, registration.answers),
    createdAt: registration.createdAt,
    updatedAt: registration.updatedAt,
    checkedInAt: registration.checkedInAt,
  }))
  const now = toIsoString(deps.clock.now())
  const readAt = new Map(stored.noticeReads.map((r) => [r.noticeId, r.readAt]))
  const inbox = await collect((cursor) => deps.store.notices.inbox(member, now, cursor, PAGE))
  const notices: ExportedNotice[] = inbox.map((n) => ({
    noticeId: n.id,
    title: n.title,
    senderLabel: n.senderLabel,
    sentAt: n.sendAt,
    readAt: readAt.get(n.id) ?? null,
  }))
  const sent = await collect((cursor) => deps.store.messages.sentTo(openid, cursor, PAGE))
  const messages: ExportedMessage[] = sent.map(({ template, page, data, at, errcode }) => ({ template, page, data, at, errcode }))
  // Members who joined before the history was kept still have the consent on their record.
  const consentHistory =
    stored.consentHistory.length > 0 ? stored.consentHistory : [{ kind: 'given' as const, version: member.consentVersion, at: member.consentAt }]
  return {
    exportedAt: now,
    notice: MEMBER_EXPORT_NOTICE,
    member,
    consentHistory,
    stationMemberships: stored.stationMemberships,
    joinRequests: stored.joinRequests,
    registrations,
    growthRecord: await growthRecord(deps, caller),
    checkInHelperOf: stored.checkInHelperOf,
    demandInterests: stored.demandInterests,
    favorites: stored.favorites,
    notices,
    subscriptions: stored.subscriptions,
    messages,
    noticePushes: stored.noticePushes,
    auditEntries: stored.auditEntries,
    destinations: await deps.store.pipeline.destinationsOf(openid, EXPORT_MAX_PER_KIND),
    surveys: await exportedSurveys(deps, openid),
    stories: await exportedStories(deps, openid),
    nominations: await exportedNominations(deps, openid),
    honourJuryWork: await exportedJuryWork(deps, openid),
    honourObjections: await exportedObjections(deps, openid),
    competitionTeams: await competitionTeamsOf(deps, openid),
    competitionObjections: (await deps.store.competitions.objectionsBy(openid, EXPORT_MAX_PER_KIND)).map(({ filerOpenid: _filer, outcome, ...o }) => ({
      ...o,
      outcome: outcome ? { decision: outcome.decision, note: outcome.note, at: outcome.at } : null,
    })),
    publicSignUps: await exportedPublicSignUps(deps, openid),
  }
}

async function exportedStories(deps: Deps, openid: string): Promise<ExportedStory[]> {
  const stories = await collect((cursor) => deps.store.stories.listInvolving(openid, cursor, PAGE))
  return stories.map((s) => ({
    storyId: s.id,
    roles: [...(s.authorOpenid === openid ? (['author'] as const) : []), ...(s.subjectOpenid === openid ? (['subject'] as const) : [])],
    title: s.title,
    body: s.body,
    status: s.status,
    subjectConsent: s.subjectConsent,
    createdAt: s.createdAt,
    publishedAt: s.publishedAt,
  }))
}

async function exportedNominations(deps: Deps, openid: string): Promise<ExportedNomination[]> {
  const [forMe, byMe] = await Promise.all([
    deps.store.honours.listNominations({ nomineeOpenid: openid }),
    deps.store.honours.listNominations({ nominatorOpenid: openid }),
  ])
  const byId = new Map([...forMe, ...byMe].map((n) => [n.id, n]))
  return [...byId.values()].map((n) => ({
    nominationId: n.id,
    awardName: n.awardName,
    roles: [...(n.nomineeOpenid === openid ? (['nominee'] as const) : []), ...(n.nominatorOpenid === openid ? (['nominator'] as const) : [])],
    state: n.state,
    materials: n.materials,
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
  }))
}


/** Surveys sent to the member: status, draft, and the answers that carry their id (实名 only). */
async function exportedSurveys(deps: Deps, openid: string): Promise<ExportedSurvey[]> {
  const [page, answers] = await Promise.all([deps.store.surveys.mine(openid, null, EXPORT_MAX_PER_KIND), deps.store.surveys.answersOf(openid, EXPORT_MAX_PER_KIND)])
  return Promise.all(
    page.items.map(async ({ survey, recipient }) => ({
      surveyId: survey.id,
      title: survey.title,
      identityMode: survey.identityMode,
      status: survey.identityMode === 'anonymous' ? null : recipient.status,
      reminders: recipient.reminders,
      draft: (await deps.store.surveys.draft(survey.id, openid))?.answers ?? null,
      answers: answers.filter((a) => a.surveyId === survey.id).map((a) => a.answers),
    })),
  )
}

const day = (iso: string | null | undefined) => (iso ? iso.slice(0, 16).replace('T', ' ') : '')
const answerText = (v: AnswerValue) => (Array.isArray(v) ? v.join('、') : String(v))
const CONSENT_KINDS = { given: '同意', withdrawn: '撤回同意' } as const
const REQUEST_STATUSES = { pending: '待审核', approved: '已通过', rejected: '未通过', cancelled: '已撤回' } as const
const REGISTRATION_STATUSES = { registered: '报名成功', waitlisted: '候补', cancelled: '已取消', checked_in: '已签到', absent: '缺席' } as const
const JURY_STATUSES = { invited: '待声明', declared: '已声明无冲突', conflicted: '已声明回避', auto_conflicted: '自动回避', scored: '已评分' } as const
const TEMPLATES: Record<string, string> = { reminder: '活动提醒', result: '报名结果', notice: '通知' }

const PUBLIC_SIGN_UP_STATUSES = { registered: '报名成功', cancelled: '已取消' } as const
const PUBLIC_SIGN_UP_HEADER = ['活动', '活动时间', '参加者', '年龄', '学校', '年级', '联系电话', '监护人', '与参加者关系', '监护人手机号', '监护人同意时间', '状态', '报名时间']

/** The public sign-ups as sheet rows: the same in a member's export and a non-member's. */
export function publicSignUpRows(items: ExportedPublicSignUp[]): Cell[][] {
  return items.map((p) => [
    p.activityTitle,
    day(p.activityStartAt),
    p.name,
    p.age,
    p.school,
    p.grade,
    p.phone,
    p.guardian?.name ?? '',
    p.guardian ? relationName(p.guardian.relation) : '',
    p.guardian?.phone ?? '',
    day(p.guardian?.consentAt),
    PUBLIC_SIGN_UP_STATUSES[p.status],
    day(p.createdAt),
  ])
}

interface Sheet {
  name: string
  header: string[]
  rows: Cell[][]
}

/** One sheet per kind of data, Chinese headers: the same content as the JSON, for people. */
export function exportSheets(data: MemberExport): Sheet[] {
  const m = data.member
  const sheet = (kind: MemberExportKind, header: string[], rows: Cell[][]): Sheet => ({ name: MEMBER_EXPORT_KINDS[kind], header, rows })
  return [
    sheet('member', ['项目', '内容'], [
      ['姓名', m.name],
      ['手机号', m.phone],
      ['学校', m.university],
      ['学院', m.college],
      ['专业', m.major],
      ['学历', nameOf(DEGREES, m.degree)],
      ['入学年份', m.enrollmentYear],
      ['毕业年份', m.graduationYear],
      ['家乡县区', nameOf(COUNTIES, m.hometownCounty)],
      ['重点产业领域', m.fields.join('、')],
      ['角色', { student: '成员', station_head: '站长', staff: '团市委工作人员' }[m.role]],
      ['所在驿站', m.stationId ?? ''],
      ['加入联盟时间', day(m.joinedAt)],
      ['同意的隐私指引版本', m.consentVersion],
      ['同意时间', day(m.consentAt)],
      ['撤回同意时间', day(m.consentWithdrawnAt)],
      ['导出时间', day(data.exportedAt)],
    ]),
    sheet('consentHistory', ['操作', '隐私指引版本', '时间'], data.consentHistory.map((e) => [CONSENT_KINDS[e.kind], e.version, day(e.at)])),
    sheet('stationMemberships', ['驿站', '加入时间', '离开时间'], data.stationMemberships.map((s) => [s.stationName || s.stationId, day(s.joinedAt), day(s.leftAt)])),
    sheet(
      'joinRequests',
      ['驿站', '申请留言', '状态', '理由', '申请时间', '处理时间'],
      data.joinRequests.map((r) => [r.stationName || r.stationId, r.note, REQUEST_STATUSES[r.status], r.reason, day(r.createdAt), day(r.decidedAt)]),
    ),
    sheet(
      'registrations',
      ['活动', '状态', '候补位次', '报名表回答', '报名时间', '更新时间', '签到时间'],
      data.registrations.map((r) => [
        r.activityTitle,
        REGISTRATION_STATUSES[r.status],
        r.position ?? '',
        Object.entries(r.answers)
          .map(([label, value]) => `${label}：${answerText(value)}`)
          .join('\n'),
        day(r.createdAt),
        day(r.updatedAt),
        day(r.checkedInAt),
      ]),
    ),
    sheet('growthRecord', ['活动', '类型', '开始时间', '签到时间'], data.growthRecord.items.map((i) => [i.activity.title, i.activity.type, day(i.activity.startAt), day(i.registration.checkedInAt)])),
    sheet('checkInHelperOf', ['活动'], data.checkInHelperOf.map((h) => [h.activityTitle])),
    sheet(
      'demandInterests',
      ['用人单位', '岗位', '提供给团市委的信息', '登记时间'],
      data.demandInterests.map((i) => [
        i.employer,
        i.position,
        Object.entries(i.shared)
          .map(([key, value]) => `${SHAREABLE_LABELS[key as ShareableField] ?? key}：${value}`)
          .join('\n'),
        day(i.at),
      ]),
    ),
    sheet('favorites', ['政策', '收藏时间'], data.favorites.map((f) => [f.title || f.policyId, day(f.at)])),
    sheet('notices', ['标题', '发送方', '发送时间', '阅读时间'], data.notices.map((n) => [n.title, n.senderLabel, day(n.sentAt), day(n.readAt)])),
    sheet('subscriptions', ['消息类型', '剩余可推送次数'], data.subscriptions.map((s) => [TEMPLATES[s.template] ?? s.template, s.remaining])),
    sheet(
      'messages',
      ['消息类型', '页面', '内容', '时间', '结果'],
      data.messages.map((x) => [TEMPLATES[x.template] ?? x.template, x.page, Object.values(x.data).join('；'), day(x.at), x.errcode === 0 ? '已送达' : `未送达（${x.errcode}）`]),
    ),
    sheet('noticePushes', ['通知', '状态', '时间'], data.noticePushes.map((p) => [p.noticeId, p.state, day(p.updatedAt)])),
    sheet('auditEntries', ['时间', '操作人角色', '操作', '说明'], data.auditEntries.map((e) => [day(e.at), e.actorRole, e.action, e.summary])),
    sheet(
      'destinations',
      ['登记时间', '去向', '工作地', '单位', '领域', '未回驻原因', '是否考虑回驻', '核实'],
      data.destinations.map((d) => [
        day(d.reportedAt),
        nameOf(DESTINATION_STATUSES, d.status),
        workPlaceOf(d),
        d.employer,
        d.field,
        [...d.reasons.map((r) => nameOf(NOT_RETURNING_REASONS, r)), d.reasonText].filter((x) => x !== '').join('、'),
        d.considerReturn ? nameOf(CONSIDER_RETURN, d.considerReturn) : '',
        d.verification ? `已核实 ${day(d.verification.at)}` : '自报',
      ]),
    ),
    sheet(
      'surveys',
      ['问卷', '身份模式', '状态', '提醒次数', '未提交的草稿', '我的回答（仅实名问卷）'],
      data.surveys.map((s) => [
        s.title,
        IDENTITY_MODE_LABELS[s.identityMode],
        s.status ? RECIPIENT_STATUS_LABELS[s.status] : '不记录',
        s.reminders,
        s.draft ? JSON.stringify(s.draft) : '',
        s.answers.map((a) => JSON.stringify(a)).join('\n'),
      ]),
    ),
    sheet(
      'stories',
      ['标题', '我是', '状态', '主人公同意', '正文', '创建时间', '发布时间'],
      data.stories.map((s) => [
        s.title,
        s.roles.map((r) => (r === 'author' ? '作者' : '主人公')).join('、'),
        s.status,
        s.subjectConsent,
        s.body,
        day(s.createdAt),
        day(s.publishedAt),
      ]),
    ),
    sheet(
      'nominations',
      ['奖项', '我是', '状态', '材料', '提名时间', '更新时间'],
      data.nominations.map((n) => [
        n.awardName,
        n.roles.map((r) => (r === 'nominee' ? '被提名人' : '提名人')).join('、'),
        NOMINATION_STATE_NAMES[n.state],
        JSON.stringify(n.materials),
        day(n.createdAt),
        day(n.updatedAt),
      ]),
    ),
    sheet(
      'honourJuryWork',
      ['评委', '奖项', '材料', '状态', '声明时间', '评分', '是否同意入围', '评语', '评分时间'],
      data.honourJuryWork.map((w) => [w.jurorName, w.awardName, w.label, JURY_STATUSES[w.status], day(w.declaredAt), w.score ?? '', w.approve === null ? '' : w.approve ? '同意' : '不同意', w.comment, day(w.scoredAt)]),
    ),
    sheet(
      'honourObjections',
      ['奖项', '被提名人', '名义', '姓名', '电话', '单位', '异议内容', '提出时间', '处理结论', '处理说明'],
      data.honourObjections.map((o) => [
        o.awardName,
        o.nomineeName,
        o.kind === 'personal' ? '个人' : '单位',
        o.realName,
        o.phone,
        o.unitName,
        o.reason,
        day(o.createdAt),
        o.outcome ? (o.outcome.decision === 'upheld' ? '异议成立' : '异议不成立') : '处理中',
        o.outcome?.note ?? '',
      ]),
    ),
    sheet(
      'competitionTeams',
      ['赛事', '团队', '项目', '角色', '作者排序', '确认时间', '作品版本数', '结果'],
      data.competitionTeams.map((t) => [t.competitionTitle, t.teamName, t.projectTitle, t.role === 'leader' ? '负责人' : '成员', t.authorPosition, day(t.confirmedAt), t.versions, t.result]),
    ),
    sheet(
      'competitionObjections',
      ['团队', '姓名', '电话', '单位', '异议内容', '提出时间', '处理结论', '处理说明'],
      data.competitionObjections.map((o) => [
        o.teamName,
        o.realName,
        o.phone,
        o.unitName,
        o.reason,
        day(o.createdAt),
        o.outcome ? (o.outcome.decision === 'upheld' ? '异议成立' : '异议不成立') : '处理中',
        o.outcome?.note ?? '',
      ]),
    ),
    sheet('publicSignUps', PUBLIC_SIGN_UP_HEADER, publicSignUpRows(data.publicSignUps)),
  ]
}

export async function exportMyDataXlsx(deps: Deps, caller: Caller): Promise<ExportFile> {
  const data = await exportMyData(deps, caller)
  const content = await deps.files.spreadsheets.writeWorkbook(exportSheets(data))
  return { filename: `翼展联盟-我的数据-${data.exportedAt.slice(0, 10)}.xlsx`, contentBase64: content.toString('base64'), rows: data.registrations.length }
}

// ——— consent (PIPL art. 15) ———

export async function withdrawConsent(deps: Deps, caller: Caller): Promise<Member> {
  const openid = caller.openid
  if (!caller.member || !openid) throw notFound('还没有加入翼展联盟')
  if (caller.member.consentWithdrawnAt) throw conflict('你已经撤回了同意')
  const at = toIsoString(deps.clock.now())
  const record = await deps.store.privacy.setConsent(openid, { kind: 'withdrawn', version: '', at })
  if (!record) throw notFound('还没有加入翼展联盟')
  // No more statistics about them: they leave the pipeline figures at once.
  await deps.store.pipeline.refreshFacts([openid])
  return toMember(record, caller.isStaff)
}

export async function giveConsent(deps: Deps, caller: Caller, input: ActionPayload<'member.giveConsent'>): Promise<Member> {
  const openid = caller.openid
  if (!caller.member || !openid) throw notFound('还没有加入翼展联盟')
  if (input.consentVersion !== PRIVACY_VERSION) throw invalidInput('consentVersion', '隐私保护指引已更新，请重新阅读并同意')
  const record = await deps.store.privacy.setConsent(openid, { kind: 'given', version: input.consentVersion, at: toIsoString(deps.clock.now()) })
  if (!record) throw notFound('还没有加入翼展联盟')
  await deps.store.pipeline.refreshFacts([openid])
  return toMember(record, caller.isStaff)
}
