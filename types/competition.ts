import * as z from 'zod'
import { DEGREE_IDS, type DegreeId } from './taxonomy'
import { objectInput } from './honour'
import { calendarDate } from './text'
import { choice, id, optionalText, text } from './validation'

/**
 * Competitions (挑战杯, 创青春, 振兴杯): a competition carries its rules as configuration, teams
 * form under them, submit versioned files before the deadline, and are judged blind.
 */

export const COMPETITION_KINDS = [
  { id: 'tiaozhan_academic', name: '“挑战杯”课外学术科技作品竞赛' },
  { id: 'tiaozhan_startup', name: '“挑战杯”创业计划竞赛' },
  { id: 'chuangqingchun', name: '“创青春”创新创业大赛' },
  { id: 'zhenxingbei', name: '“振兴杯”青年职业技能大赛' },
] as const
export type CompetitionKindId = (typeof COMPETITION_KINDS)[number]['id']
export const COMPETITION_KIND_IDS = COMPETITION_KINDS.map((k) => k.id) as [CompetitionKindId, ...CompetitionKindId[]]

/** The team rules of one competition. Every rule is enforced on the server (core/competition/rules.ts). */
export interface TeamRules {
  /** Members including the leader. */
  membersMin: number
  membersMax: number
  advisorsMax: number
  /** Degrees that may lead the team. */
  leaderDegrees: DegreeId[]
  /** PhD (博士, 博士后) members at most this share of the team (0.3 = 30 %); null: no limit. */
  phdMaxShare: number | null
  /** A person in at most this many teams of the competition. */
  maxTeamsPerPerson: number
  /** A person leads at most this many teams of the competition. */
  maxLeadPerPerson: number
}

export interface Track {
  id: string
  name: string
}

/** One level of a rubric criterion: the score it gives and what it means (shown to judges). */
export interface RubricLevel {
  score: number
  description: string
}

export interface RubricCriterion {
  id: string
  name: string
  levels: RubricLevel[]
}

export interface JudgingConfig {
  judgesPerProject: number
  /** Normalised results only when every judge scored at least this many projects. */
  minScoredForNormalising: number
  rubric: RubricCriterion[]
  /** A team all judges score first; excluded from the results. */
  calibrationTeamId: string | null
}

export type CompetitionStatus = 'draft' | 'open' | 'judging' | 'results'

export interface Competition {
  id: string
  kind: CompetitionKindId
  title: string
  description: string
  tracks: Track[]
  rules: TeamRules
  registrationOpensAt: string
  /** After it: removals only (no additions, no reordering). */
  registrationClosesAt: string
  /** Submissions at or after this instant are refused (server clock). */
  submissionClosesAt: string
  /** Statements the leader signs (eligibility). */
  checklist: string[]
  judging: JudgingConfig
  /** How many teams go on to the next level. */
  shortlistQuota: number
  status: CompetitionStatus
  createdAt: string
  updatedAt: string
  isDemo: boolean
  /** Cache of the competition's mini-program code (certificates); never sent to clients. */
  codeImage?: string | null
}

export interface TeamMember {
  openid: string
  name: string
  university: string
  degree: DegreeId
  stationId: string | null
  /** null until the member confirms. The leader is confirmed on creating the team. */
  confirmedAt: string | null
  joinedAt: string
}

/** An external advisor: no member profile. The phone is masked in every list but the team's own. */
export interface Advisor {
  id: string
  name: string
  unit: string
  phone: string
}

export interface SubmissionFile {
  name: string
  /** A cloud file id (CloudBase) or an upload path (local mode). */
  fileId: string
}

export interface SubmissionVersion {
  version: number
  abstract: string
  files: SubmissionFile[]
  submittedAt: string
  byOpenid: string
  /**
   * Set when staff refused this version in the formal check (形式审查), with the reason the team is
   * told. A refused latest version is not judged; the team may submit a new one before the deadline.
   */
  refused?: { reason: string; at: string; byOpenid: string } | null
}

/** Derived, never stored: see `teamStateOf` in core/competition/rules.ts. */
export type TeamState = 'forming' | 'ready' | 'submitted' | 'shortlisted' | 'withdrawn'

export interface Team {
  id: string
  competitionId: string
  trackId: string
  name: string
  projectTitle: string
  leaderOpenid: string
  /** In author order; the leader is one of them. */
  members: TeamMember[]
  advisors: Advisor[]
  /** A cross-university team's declaring unit (申报单位). */
  declaringUnit: string
  inviteCode: string
  checklistSignedAt: string | null
  submissions: SubmissionVersion[]
  /** Set when staff report the team upward: title, authors and advisors are frozen. */
  frozenAt: string | null
  shortlistedAt: string | null
  withdrawnAt: string | null
  /** An award given after judging (e.g. 一等奖); shown in the 翼展档案. */
  award: string | null
  /**
   * When the leader deleted their account: the member the remaining members are confirming as the
   * new leader, and who confirmed so far. Absent or null: no hand-over under way.
   */
  handover?: LeaderHandover | null
  /** Cache of the team's invite mini-program code (wxacode); never sent to clients. */
  inviteImage?: string | null
  /**
   * The shortlist decision the team was last told in its inbox (in: 晋级; out: 未晋级); absent or
   * null: not told yet. Written in the same atomic change as the decision, so each is told once.
   */
  shortlistTold?: 'in' | 'out' | null
  createdAt: string
  updatedAt: string
  isDemo: boolean
}

export interface LeaderHandover {
  candidateOpenid: string
  confirmedBy: string[]
}

export interface TeamView extends Team {
  state: TeamState
  /** Why the team cannot submit yet, in Chinese; empty when it can. */
  blockers: string[]
  /** The leader deleted their account: staff, or the remaining members together, hand the team on. */
  leaderGone: boolean
}

/** An external judge. `openid` is set when they redeem their invite code. */
export interface Judge {
  id: string
  competitionId: string
  name: string
  unit: string
  /** For automatic conflicts: same university as a member, or same station. */
  university: string
  stationId: string | null
  inviteCode: string
  openid: string | null
  declaredConflictTeamIds: string[]
  createdAt: string
}

export interface Score {
  competitionId: string
  judgeId: string
  teamId: string
  /** Criterion id → the level score chosen. */
  levels: Record<string, number>
  total: number
  comment: string
  at: string
}

/** What a judge sees of a project: no team name, members or universities; text masked. */
export interface BlindProject {
  teamId: string
  code: string
  trackId: string
  projectTitle: string
  abstract: string
  files: SubmissionFile[]
  calibration: boolean
  myScore: Score | null
}

export interface ResultRow {
  teamId: string
  teamName: string
  scores: number
  missing: number
  rawMean: number | null
  normalised: number | null
  robust: number | null
  rawRank: number | null
  normalisedRank: number | null
  robustRank: number | null
  shortlisted: boolean
}

export interface CompetitionResults {
  rows: ResultRow[]
  /** Why normalised results are withheld, or null when shown. */
  normalisedWithheld: string | null
  tieBreak: string
  calibrationTeamId: string | null
}

export interface MyCompetitionEntry {
  competitionId: string
  competitionTitle: string
  teamId: string
  teamName: string
  projectTitle: string
  role: 'leader' | 'member'
  result: string
  at: string
}

/** What a member's certificate (荣誉证书) says, for the poster layout; and the code it carries. */
export interface CompetitionCertificate {
  heading: string
  holder: string
  entries: string[]
  note: string
  issuer: string
  date: string
  code: { image: string; link: string | null }
}

/** A member's own part in a team, for `member.exportMine`. */
export interface ExportedCompetitionTeam {
  competitionTitle: string
  teamName: string
  projectTitle: string
  role: 'leader' | 'member'
  /** 1-based place in the author order. */
  authorPosition: number
  confirmedAt: string | null
  versions: number
  result: string
}

/** 以赛引才: a winner next to the open demands in their fields. */
export interface TalentLead {
  openid: string
  name: string
  university: string
  teamName: string
  award: string
  fields: string[]
  demands: { id: string; position: string; employer: string; field: string }[]
}

// ---------- input schemas ----------

const idOf = (label: string) => id(label)
const when = (label: string) =>
  z.iso.datetime({ offset: true, error: (issue) => (issue.input === undefined || issue.input === '' ? `请选择${label}` : `${label}应为带时区的时间`) })
const count = (label: string, min: number, max: number) =>
  z.int({ error: `${label}应为整数` }).min(min, `${label}不能小于${min}`).max(max, `${label}不能大于${max}`)

export const teamRulesInput = z.object({
  membersMin: count('最少人数', 1, 50),
  membersMax: count('最多人数', 1, 50),
  advisorsMax: count('指导老师人数', 0, 10),
  leaderDegrees: z.array(choice('负责人学历', DEGREE_IDS)).min(1, '请至少选择一种可担任负责人的学历'),
  phdMaxShare: z.number({ error: '博士占比应为0到1之间的数' }).min(0, '博士占比不能小于0').max(1, '博士占比不能大于1').nullable(),
  maxTeamsPerPerson: count('每人最多参加团队数', 1, 10),
  maxLeadPerPerson: count('每人最多担任负责人数', 1, 10),
})

const rubricInput = z
  .array(
    z.object({
      id: z.string().regex(/^[a-z][a-z0-9_]{0,19}$/, '评分维度编号应为小写字母开头'),
      name: text('评分维度', { max: 20 }),
      levels: z.array(z.object({ score: count('档位分值', 0, 100), description: text('档位说明', { max: 80 }) })).min(2, '每个评分维度至少两个档位'),
    }),
  )
  .min(1, '请至少设置一个评分维度')

// Each order check passes while a time is missing or malformed: that field's own message says so.
export const saveCompetitionInput = z
  .object({
    id: idOf('赛事').optional(),
    kind: choice('赛事类型', COMPETITION_KIND_IDS),
    title: text('赛事名称', { max: 60 }),
    description: optionalText('赛事说明', 2000),
    tracks: z.array(z.object({ id: z.string().regex(/^[a-z][a-z0-9_]{0,19}$/, '赛道编号应为小写字母开头'), name: text('赛道名称', { max: 20 }) })).min(1, '请至少设置一个赛道'),
    rules: teamRulesInput,
    registrationOpensAt: when('报名开始时间'),
    registrationClosesAt: when('报名截止时间'),
    submissionClosesAt: when('作品提交截止时间'),
    checklist: z.array(text('资格承诺条目', { max: 80 })).max(10, '资格承诺最多10条'),
    judging: z.object({
      judgesPerProject: count('每个项目评委人数', 1, 15),
      minScoredForNormalising: count('标准化所需最少评分数', 2, 500),
      rubric: rubricInput,
      calibrationTeamId: z.string().nullable(),
    }),
    shortlistQuota: count('晋级名额', 0, 1000),
    status: z.enum(['draft', 'open', 'judging', 'results'], { error: '赛事状态不正确' }),
    /** Saves even though the new rules break existing teams (see `RuleBreak`). */
    confirmBreaking: z.boolean({ error: '确认保存应为是或否' }).optional(),
  })
  .refine((v) => v.rules.membersMin <= v.rules.membersMax, { message: '最少人数不能大于最多人数', path: ['rules', 'membersMin'] })
  .refine((v) => !(Date.parse(v.registrationOpensAt) >= Date.parse(v.registrationClosesAt)), { message: '报名截止时间应晚于开始时间', path: ['registrationClosesAt'] })
  .refine((v) => !(Date.parse(v.registrationOpensAt) >= Date.parse(v.submissionClosesAt)), { message: '作品提交截止时间应晚于报名开始时间', path: ['submissionClosesAt'] })
  .refine((v) => new Set(v.tracks.map((t) => t.id)).size === v.tracks.length, { message: '赛道编号不能重复', path: ['tracks'] })
  .refine((v) => new Set(v.judging.rubric.map((r) => r.id)).size === v.judging.rubric.length, { message: '评分维度编号不能重复', path: ['judging', 'rubric'] })
export type SaveCompetitionInput = z.input<typeof saveCompetitionInput>

export const competitionIdInput = z.object({ id: idOf('赛事') })

/**
 * Editing a competition that has teams: the save is refused while the new rules would break a team
 * (a rule it met under the old rules it no longer meets) unless staff confirm, having seen the list
 * (`competition.checkRules` lists them; `confirmBreaking` saves anyway); the teams broken are then
 * told in their inbox. A team the new rules would break, and why (each reason in Chinese).
 */
export interface RuleBreak {
  teamId: string
  teamName: string
  reasons: string[]
}
export const teamIdInput = z.object({ teamId: idOf('团队') })

export const createTeamInput = z.object({
  competitionId: idOf('赛事'),
  trackId: idOf('赛道'),
  name: text('团队名称', { max: 30 }),
  projectTitle: text('项目名称', { max: 60 }),
  declaringUnit: optionalText('申报单位', 40),
})
export type CreateTeamInput = z.input<typeof createTeamInput>

export const inviteCodeInput = z.object({
  code: z.string({ error: '请填写6位邀请码' }).trim().regex(/^\d{6}$/, '邀请码应为6位数字'),
})

export const updateTeamInput = z.object({
  teamId: idOf('团队'),
  name: text('团队名称', { max: 30 }).optional(),
  projectTitle: text('项目名称', { max: 60 }).optional(),
  declaringUnit: optionalText('申报单位', 40).optional(),
})

export const reorderInput = z.object({
  teamId: idOf('团队'),
  openids: z.array(z.string().min(1, '成员格式不正确')).min(1, '请给出作者顺序'),
})

export const memberRefInput = z.object({ teamId: idOf('团队'), openid: id('成员') })

export const advisorInput = z.object({
  teamId: idOf('团队'),
  name: text('指导老师姓名', { max: 20 }),
  unit: text('指导老师单位', { max: 40 }),
  phone: z.string({ error: '请填写指导老师手机号' }).trim().regex(/^1\d{10}$/, '指导老师手机号应为11位数字'),
})
export const advisorRefInput = z.object({ teamId: idOf('团队'), advisorId: id('指导老师') })

export const signChecklistInput = z.object({
  teamId: idOf('团队'),
  agreed: z.literal(true, { error: '请逐条阅读并勾选资格承诺' }),
})

export const SUBMISSION_EXTENSIONS = ['pdf', 'doc', 'docx', 'ppt', 'pptx', 'zip', 'mp4'] as const

export const submitInput = z.object({
  teamId: idOf('团队'),
  abstract: text('作品简介', { max: 1000 }),
  files: z
    .array(
      z.object({
        name: text('文件名', { max: 80 }).refine(
          (n) => (SUBMISSION_EXTENSIONS as readonly string[]).includes(n.split('.').pop()?.toLowerCase() ?? ''),
          `文件类型应为${SUBMISSION_EXTENSIONS.join('、')}`,
        ),
        fileId: text('文件', { max: 300 }),
      }),
    )
    .min(1, '请至少上传一个作品文件')
    .max(10, '作品文件最多10个'),
})
export type SubmitInput = z.input<typeof submitInput>

export const addJudgeInput = z.object({
  competitionId: idOf('赛事'),
  name: text('评委姓名', { max: 20 }),
  unit: text('评委单位', { max: 40 }),
  university: optionalText('评委所在学校', 40),
  stationId: z.string().nullish().transform((v) => v ?? null),
  declaredConflictTeamIds: z.array(z.string()).max(50, '回避团队最多50个').default([]),
})

export const competitionScoreInput = z.object({
  judgeId: idOf('评委'),
  teamId: idOf('团队'),
  levels: z.record(z.string(), z.int({ error: '评分应为整数' })),
  comment: optionalText('评语', 300),
})

export const shortlistInput = z.object({
  id: idOf('赛事'),
  method: z.enum(['raw', 'normalised', 'robust'], { error: '请选择排名方式' }),
})

export const awardInput = z.object({ teamId: idOf('团队'), award: text('奖项', { max: 20 }) })

/** Staff refuse the team's latest version in the formal check (形式审查), with the reason. */
export const refuseSubmissionInput = z.object({ teamId: idOf('团队'), reason: text('退回原因', { max: 200 }) })

export const teamsListInput = z.object({ id: idOf('赛事'), state: z.enum(['forming', 'ready', 'submitted', 'shortlisted', 'withdrawn']).optional() })

// ——— 公示 of results (科创赛事公示) and objections to them ———

/** Staff publish a competition's results for 公示; the period defaults to 5 working days from today. */
export const publishResultsInput = z
  .object({
    id: idOf('赛事'),
    start: calendarDate('公示开始日期').optional(),
    end: calendarDate('公示结束日期').optional(),
  })
  .refine((v) => !v.start || !v.end || v.start <= v.end, { message: '公示结束日期不能早于开始日期', path: ['end'] })
export type PublishResultsInput = z.input<typeof publishResultsInput>

/** One result in a 公示: publishable facts only — never scores or judges. */
export interface ResultNoticeEntry {
  teamId: string
  teamName: string
  projectTitle: string
  /** The declaring unit (or the leader's university). */
  university: string
  /** The award, or 晋级 when shortlisted without an award. */
  result: string
  /** Set when an objection was upheld: the result is withdrawn, with the public reason. */
  withdrawn: { reason: string; at: string } | null
}

/** A competition's results in 公示: one per competition, published once. */
export interface ResultNotice {
  competitionId: string
  competitionTitle: string
  start: string
  end: string
  entries: ResultNoticeEntry[]
  publishedAt: string
  byOpenid: string
}

/**
 * Objections to a result: honours' 公示 objection form as it is — a real name and an 11-digit phone,
 * or a unit's name and a photo of its seal; never anonymous (checked in core/shared/objection.ts).
 */
export const resultObjectionInput = objectInput.omit({ id: true }).extend({ teamId: idOf('团队') })
export type ResultObjectionInput = z.input<typeof resultObjectionInput>

export const resolveResultObjectionInput = z.object({
  id: idOf('异议'),
  decision: choice('处理结论', ['rejected', 'upheld'] as const),
  note: text('处理说明', { max: 300 }),
})

export interface ResultObjection {
  id: string
  competitionId: string
  teamId: string
  teamName: string
  kind: 'personal' | 'unit'
  realName: string
  phone: string
  unitName: string
  sealFileId: string
  reason: string
  filerOpenid: string
  createdAt: string
  outcome: { decision: 'rejected' | 'upheld'; note: string; at: string; byOpenid: string } | null
}
/** Staff lists: the phone masked, the filer's openid not shown. */
export type ResultObjectionLine = Omit<ResultObjection, 'phone' | 'filerOpenid'> & { phoneMasked: string }
