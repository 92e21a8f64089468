import * as z from 'zod'
import { PHONE_PATTERN } from './member'
import { DEGREE_IDS, type CountyId, type DegreeId } from './taxonomy'
import { calendarDate } from './text'
import { choice, id, optionalText, text } from './validation'

/**
 * Honours (评优评先): award definitions as data, nominations moving through a server-enforced state
 * machine (core/honour/transitions.ts), blind juries, 公示 with real-name objections.
 */

export const NOMINATION_STATES = [
  'draft',
  'submitted',
  'returned',
  'unit_publicity',
  'unit_approved',
  'unit_rejected',
  'screening',
  'screening_rejected',
  'jury_review',
  'shortlisted',
  'not_shortlisted',
  'public_notice',
  'objection_check',
  'disqualified',
  'approved',
  'awarded',
  'revoked',
  'withdrawn',
] as const
export type NominationState = (typeof NOMINATION_STATES)[number]

export const NOMINATION_STATE_NAMES: Record<NominationState, string> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '已退回修改',
  unit_publicity: '单位内公示中',
  unit_approved: '单位公示通过',
  unit_rejected: '单位未通过',
  screening: '团市委资格审查',
  screening_rejected: '资格审查未通过',
  jury_review: '评审中',
  shortlisted: '入围',
  not_shortlisted: '未入围',
  public_notice: '公示中',
  objection_check: '异议核查中',
  disqualified: '经核查取消资格',
  approved: '审定通过',
  awarded: '已授予',
  revoked: '已撤销',
  withdrawn: '已撤回',
}

export const NOMINATION_ACTIONS = [
  'confirm',
  'submit',
  'return',
  'revise',
  'start_publicity',
  'unit_approve',
  'unit_reject',
  'recommend',
  'screen_pass',
  'screen_reject',
  'shortlist',
  'not_shortlist',
  'publish_notice',
  'object',
  'close_notice',
  'dismiss_objections',
  'uphold_objection',
  'award',
  'revoke',
  'withdraw',
] as const
export type NominationAction = (typeof NOMINATION_ACTIONS)[number]

/**
 * Who the caller is in relation to one nomination (a caller may hold several): the person
 * nominated, whoever nominated them, their unit (the head of the nominee's station), league
 * staff, or any signed-in person (the public of a 公示).
 */
export const HONOUR_ROLES = ['nominee', 'nominator', 'unit', 'staff', 'public'] as const
export type HonourRole = (typeof HONOUR_ROLES)[number]

export const AWARD_LEVELS = [
  { id: 'county', name: '县级' },
  { id: 'city', name: '市级' },
] as const
export type AwardLevel = (typeof AWARD_LEVELS)[number]['id']
export const AWARD_KINDS = [
  { id: 'individual', name: '个人' },
  { id: 'collective', name: '集体' },
] as const
export type AwardKind = (typeof AWARD_KINDS)[number]['id']
export const MATERIAL_KINDS = [
  { id: 'deeds', name: '事迹材料' },
  { id: 'photos', name: '照片' },
  { id: 'files', name: '附件' },
] as const
export type MaterialKind = (typeof MATERIAL_KINDS)[number]['id']
export const QUOTA_SCOPES = [
  { id: 'station', name: '每个驿站' },
  { id: 'county', name: '每个县区' },
] as const
export type QuotaScope = (typeof QUOTA_SCOPES)[number]['id']

const ids = <T extends string>(items: readonly { id: T }[]) => items.map((i) => i.id) as [T, ...T[]]

const int = (label: string, min: number, max: number) =>
  z.int({ error: `${label}应为整数` }).min(min, `${label}不能小于${min}`).max(max, `${label}不能大于${max}`)

/** AwardEligibility of an award, evaluated in code (core/honour/eligibility.ts) with Chinese reasons. */
export const awardEligibilityShape = z.object({
  /** Age in whole years on `cutoffDate`, from the birth date: within [minAge, maxAge]. */
  minAge: int('最小年龄', 0, 100).nullish().transform((v) => v ?? null),
  maxAge: int('最大年龄', 0, 100).nullish().transform((v) => v ?? null),
  cutoffDate: calendarDate('年龄计算截止日期'),
  /** A prior honour the nominee must hold, and for how many whole years at the cut-off. */
  priorHonour: optionalText('须已获荣誉', 40),
  priorHonourYears: int('须已获荣誉年限', 0, 20).default(0),
  /** Hours of activities checked in at (registrations with check-in), at least. */
  minActivityHours: int('最少活动时长', 0, 1000).default(0),
  /** Degrees accepted; empty = any. */
  degrees: z.array(choice('学历', DEGREE_IDS), { error: '学历格式不正确' }).max(DEGREE_IDS.length).default([]),
  /** Collectives: the share of members aged 35 or under, at least (percent). */
  minYouthSharePercent: int('35岁以下成员比例', 0, 100).default(60),
})
export type AwardEligibility = z.output<typeof awardEligibilityShape>

const awardFields = {
  name: text('奖项名称', { max: 40 }),
  level: choice('级别', ids(AWARD_LEVELS)),
  kind: choice('类别', ids(AWARD_KINDS)),
  description: optionalText('奖项说明', 1000),
  eligibility: awardEligibilityShape,
  quotaScope: choice('名额分配范围', ids(QUOTA_SCOPES)),
  quotaPerUnit: int('每单位名额', 1, 50),
  requiredMaterials: z.array(choice('必交材料', ids(MATERIAL_KINDS)), { error: '必交材料格式不正确' }).max(3).default(['deeds']),
  /** 单位内公示 length, in working days. */
  unitPublicityDays: int('单位内公示天数', 1, 30).default(5),
  /** 公示 length, in working days (holiday calendar: core/honour/working-days.ts). */
  noticeDays: int('公示天数', 1, 30).default(7),
  jurySize: int('评委人数', 1, 15).default(3),
  /** Shortlisted when more than this percent of the panel votes yes (50 = a simple majority). */
  juryMajorityPercent: int('评审通过比例', 0, 99).default(50),
}
export const createAwardInput = z.object(awardFields)
export type CreateAwardInput = z.input<typeof createAwardInput>
export const updateAwardInput = z.object({ id: id('奖项'), ...awardFields })
export const awardIdInput = z.object({ id: id('奖项') })
/** Shown in place of a member who deleted their account (records that must stay: awarded, history). */
export const GONE_NOMINEE = '已注销成员'

export interface Award extends z.output<typeof createAwardInput> {
  id: string
  status: 'open' | 'closed'
  createdAt: string
  updatedAt: string
  isDemo: boolean
}

/**
 * Materials from the phone: photos (chooseMedia) and files (chooseMessageFile), uploaded to cloud
 * storage (`honour-materials/`; local mode: the server's uploads) before the nomination is saved.
 * The server checks count, type and size again (core/honour/materials.ts).
 */
export const HONOUR_MATERIAL_LIMITS = {
  photos: 9,
  files: 5,
  photoBytes: 2 * 1024 * 1024,
  fileBytes: 10 * 1024 * 1024,
} as const
export const HONOUR_PHOTO_EXTENSIONS = ['png', 'jpg', 'jpeg', 'webp'] as const
export const HONOUR_FILE_EXTENSIONS = ['pdf', 'doc', 'docx', 'ppt', 'pptx', 'zip'] as const

const fileId = (label: string) => z.string({ error: `${label}格式不正确` }).trim().min(1, `${label}格式不正确`).max(300, `${label}格式不正确`)
export const attachmentShape = z.object({
  name: text('附件名称', { max: 80 }),
  fileId: fileId('附件'),
  /** Bytes, as the phone reported them; local storage checks the stored size too. */
  size: z.int({ error: '附件大小格式不正确' }).min(0, '附件大小格式不正确').max(HONOUR_MATERIAL_LIMITS.fileBytes, '附件不能超过10MB'),
})
export type Attachment = z.output<typeof attachmentShape>

/** What a nomination carries: minimum data, birth date only where the profile has none. */
export const materialsShape = z.object({
  birthDate: calendarDate('出生日期').nullish().transform((v) => v ?? null),
  deeds: text('事迹材料', { max: 3000 }),
  /** A publishable summary for the 公示 page. */
  summary: text('事迹简介', { max: 200 }),
  photos: z.array(fileId('照片'), { error: '照片格式不正确' }).max(HONOUR_MATERIAL_LIMITS.photos, `照片最多${HONOUR_MATERIAL_LIMITS.photos}张`).default([]),
  files: z.array(attachmentShape, { error: '附件格式不正确' }).max(HONOUR_MATERIAL_LIMITS.files, `附件最多${HONOUR_MATERIAL_LIMITS.files}个`).default([]),
  priorHonour: optionalText('已获荣誉', 40),
  priorHonourDate: calendarDate('获得荣誉日期').nullish().transform((v) => v ?? null),
  /** Collectives only: how many members, and how many aged 35 or under. */
  memberCount: int('集体人数', 1, 10000).nullish().transform((v) => v ?? null),
  youthCount: int('35岁以下人数', 0, 10000).nullish().transform((v) => v ?? null),
  /** Collectives only: the collective's name (the nominee is its contact member). */
  collectiveName: optionalText('集体名称', 40),
})
export type Materials = z.output<typeof materialsShape>

export const nominateInput = z.object({
  awardId: id('奖项'),
  /** The member nominated; omitted = myself. */
  nomineeOpenid: optionalText('被提名人', 64),
  materials: materialsShape,
})
export type NominateInput = z.input<typeof nominateInput>

export const nominationIdInput = z.object({ id: id('提名') })
export const nominationNoteInput = z.object({ id: id('提名'), note: optionalText('说明', 200) })
export const reviseNominationInput = z.object({ id: id('提名'), materials: materialsShape })
export const nominationListInput = z.object({
  awardId: optionalText('奖项', 64),
  state: choice('状态', NOMINATION_STATES).optional(),
  /** `mine`: nominated by me or for me; `unit`: my station's (head); `all`: staff. */
  scope: choice('范围', ['mine', 'unit', 'all'] as const).default('mine'),
})
export const recommendInput = z.object({
  awardId: id('奖项'),
  stationId: id('驿站'),
  /** Nomination ids in ranked order, first = strongest; at most the award's quota. */
  ranked: z.array(id('提名'), { error: '请按顺序选择推荐的提名' }).min(1, '请至少推荐1个提名').max(50),
})
export const screenInput = z.object({ awardId: id('奖项') })
export const unitDecideInput = z.object({
  id: id('提名'),
  approve: z.boolean({ error: '请选择是否通过' }),
  note: optionalText('说明', 200),
})
export const awardFilterInput = z.object({ awardId: optionalText('奖项', 64) })
export const revokeInput = z.object({ id: id('提名'), note: text('撤销说明', { max: 200 }) })

/** A nomination as the nominee, their nominator, their unit and staff see it (materials in full). */
export interface Nomination {
  id: string
  awardId: string
  awardName: string
  kind: AwardKind
  nomineeOpenid: string
  nomineeName: string
  /** The nominee's station when nominated (their unit), university and home county. */
  stationId: string | null
  university: string
  county: CountyId
  degree: DegreeId
  nominatorOpenid: string
  nominatorKind: 'self' | 'head' | 'staff'
  /** When the nominee confirmed a nomination made by someone else; self-nominations are confirmed. */
  confirmedAt: string | null
  materials: Materials
  state: NominationState
  /** Optimistic concurrency: every transition is conditioned on the version it read. */
  version: number
  /** The unit's ranked order within its quota (1 = first). */
  rank: number | null
  publicity: { start: string; end: string } | null
  notice: { start: string; end: string } | null
  screening: { eligible: boolean; reasons: string[] } | null
  jury: { yes: number; panel: number; meanScore: number } | null
  /** The public note of a revocation. */
  revokedNote: string
  createdAt: string
  updatedAt: string
  isDemo: boolean
}

/** One line of a nomination's history: append-only. */
export interface NominationEvent {
  id: string
  nominationId: string
  at: string
  /**
   * `create` for the first line; a transition of the table for every later one; `forget` when a
   * member's account was deleted and the record was de-named (core/honour/forget.ts).
   */
  action: NominationAction | 'create' | 'forget'
  from: NominationState
  to: NominationState
  actorOpenid: string
  note: string
}

export interface NominationView extends Nomination {
  history: NominationEvent[]
}

/** Jurors: a pool with tags; invited by a code, bound to whoever redeems it (their openid). */
export const createJurorInput = z.object({
  name: text('评委姓名', { max: 20 }),
  tags: z.array(text('标签', { max: 12 }), { error: '标签格式不正确' }).max(8, '标签最多8个').default([]),
  university: optionalText('单位或学校', 40),
  stationId: optionalText('驿站', 64),
  county: optionalText('县区', 20),
})
export interface Juror {
  id: string
  name: string
  tags: string[]
  university: string
  stationId: string
  county: string
  /** Set when the invite is redeemed; identity comes from the server's openid, never a payload. */
  openid: string | null
  inviteCode: string
  createdAt: string
}
export const redeemInviteInput = z.object({
  code: z.string({ error: '请填写邀请码' }).trim().regex(/^[0-9a-z]{8,32}$/, '邀请码格式不正确'),
})
/**
 * The structure a jury is drawn by (core/honour/jury-draw.ts): `tags` narrows the pool (any of
 * them), each requirement needs at least `min` jurors carrying its tag (a group such as `学科`
 * is met by `学科:计算机`), and one unit sends at most `maxPerUnit`.
 */
const juryStructureFields = {
  tags: z.array(text('标签', { max: 12 }), { error: '标签格式不正确' }).max(8, '标签最多8个').default([]),
  requirements: z
    .array(z.object({ tag: text('结构标签', { max: 12 }), min: int('该标签最少人数', 1, 15) }), { error: '评委结构格式不正确' })
    .max(8, '评委结构最多8项')
    .default([]),
  maxPerUnit: int('同单位评委上限', 1, 15).nullish().transform((v) => v ?? null),
}
export const drawJuryInput = z.object({ id: id('提名'), ...juryStructureFields })
/** One draw for the whole round: every nomination of the award in 评审 without a panel yet. */
export const drawRoundInput = z.object({ awardId: id('奖项'), ...juryStructureFields })
export const drawsInput = z.object({ awardId: id('奖项') })

export interface JuryDrawStructure {
  size: number
  tags: string[]
  requirements: { tag: string; min: number }[]
  maxPerUnit: number | null
}

/** A juror as the draw saw them: the unit is their school or employer (or station). */
export interface JuryDrawCandidate {
  id: string
  tags: string[]
  unit: string
}

/**
 * A jury draw as recorded: the seed, the pool considered (ids), who was left out and why, and the
 * panel — enough to replay it (core/honour/jury-draw.ts is deterministic for a seed).
 */
export interface JuryDraw {
  id: string
  awardId: string
  /** `round`: the first draw for these nominations; `replacement`: one seat after a declared conflict. */
  kind: 'round' | 'replacement'
  nominationIds: string[]
  seed: number
  structure: JuryDrawStructure
  /** The pool considered, as it stood (tags and unit decide the structure). */
  pool: JuryDrawCandidate[]
  /** Jurors already sitting (a replacement keeps them). */
  fixed: JuryDrawCandidate[]
  excluded: { jurorId: string; reason: string }[]
  panelIds: string[]
  /** Why nobody could be drawn, or what was relaxed; empty when the draw met the structure. */
  note: string
  at: string
  byOpenid: string
}

/** A draw as staff read it: with juror names and whether replaying the seed gives the same panel. */
export interface JuryDrawView extends JuryDraw {
  names: Record<string, string>
  reproduced: boolean
}
export const declareInput = z.object({ id: id('提名'), conflict: z.boolean({ error: '请声明是否存在利益冲突' }) })
export const scoreInput = z.object({
  id: id('提名'),
  score: int('评分', 0, 100),
  approve: z.boolean({ error: '请选择是否同意入围' }),
  comment: optionalText('评语', 300),
})

export type AssignmentStatus = 'invited' | 'declared' | 'conflicted' | 'auto_conflicted' | 'scored'
export interface JuryAssignment {
  nominationId: string
  jurorId: string
  drawOrder: number
  status: AssignmentStatus
  conflictReason: string
  declaredAt: string | null
  score: number | null
  approve: boolean | null
  comment: string
  scoredAt: string | null
}

/** What a juror sees: no name, unit or place; texts masked. */
export interface BlindMaterials {
  nominationId: string
  /** 材料一, 材料二…: stable within the juror's list. */
  label: string
  awardName: string
  kind: AwardKind
  degree: DegreeId
  deeds: string
  summary: string
  photoCount: number
  fileCount: number
  /** The photos (file ids), and the files with any name, unit or place in their names masked. */
  photos: string[]
  files: { name: string; fileId: string }[]
  /** False until the juror declared no conflict: nothing of the materials is sent before. */
  declared: boolean
  myScore: { score: number; approve: boolean; comment: string } | null
}

/** 公示 objections: a real name and phone, or a unit with its seal; never anonymous. */
export const objectInput = z.object({
  id: id('提名'),
  kind: choice('异议类型', ['personal', 'unit'] as const).optional(),
  realName: optionalText('真实姓名', 20),
  phone: optionalText('联系电话', 11),
  unitName: optionalText('单位名称', 40),
  sealFileId: optionalText('单位公章照片', 200),
  reason: text('异议内容', { max: 1000 }),
})
export type ObjectInput = z.input<typeof objectInput>
export const resolveObjectionsInput = z.object({
  id: id('提名'),
  decision: choice('处理结论', ['dismissed', 'upheld'] as const),
  note: text('处理说明', { max: 300 }),
})

export interface Objection {
  id: string
  nominationId: string
  kind: 'personal' | 'unit'
  realName: string
  phone: string
  unitName: string
  sealFileId: string
  reason: string
  filerOpenid: string
  createdAt: string
  outcome: { decision: 'dismissed' | 'upheld'; note: string; at: string; byOpenid: string } | null
}
/** Staff lists: the phone masked. */
export type ObjectionLine = Omit<Objection, 'phone' | 'filerOpenid'> & { phoneMasked: string }

/** One line of the public 公示 list: publishable facts only. */
export interface NoticeEntry {
  nominationId: string
  awardName: string
  name: string
  university: string
  summary: string
  start: string
  end: string
}

/** An honour in the member's 翼展档案. */
export interface HonourRecord {
  nominationId: string
  awardName: string
  level: AwardLevel
  awardedAt: string
}

export const phoneIsValid = (value: string): boolean => PHONE_PATTERN.test(value)

/** A juror's work, in the export of the member bound to the juror seat: blind, as they judged it. */
export interface ExportedJuryWork {
  jurorName: string
  awardName: string
  /** 材料1, 材料2…: the nominee is not named, as the juror never saw the name. */
  label: string
  status: AssignmentStatus
  declaredAt: string | null
  score: number | null
  approve: boolean | null
  comment: string
  scoredAt: string | null
}

/** An objection the member filed in a 公示, with its outcome (who decided it is not theirs). */
export interface ExportedObjection {
  objectionId: string
  awardName: string
  nomineeName: string
  kind: 'personal' | 'unit'
  realName: string
  phone: string
  unitName: string
  reason: string
  createdAt: string
  outcome: { decision: 'dismissed' | 'upheld'; note: string; at: string } | null
}
