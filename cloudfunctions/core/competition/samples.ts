import type { Competition, Team, TeamMember } from '../../../types'

/**
 * A 创业计划竞赛 under the HNU / SDU rules (≤10 members, ≤3 advisors, PhD ≤30 % and never
 * leader, in ≤3 teams and leader of ≤1), for tests and the demo data.
 */
export function sampleCompetition(overrides: Partial<Competition> = {}): Competition {
  return {
    id: 'cpdemo',
    kind: 'tiaozhan_startup',
    title: '“挑战杯”创业计划竞赛驻马店市赛',
    description: '面向在校学生的创业计划竞赛。',
    tracks: [
      { id: 'tech', name: '科技创新和未来产业' },
      { id: 'rural', name: '乡村振兴和农业农村现代化' },
    ],
    rules: {
      membersMin: 3,
      membersMax: 10,
      advisorsMax: 3,
      leaderDegrees: ['associate', 'bachelor', 'master'],
      phdMaxShare: 0.3,
      maxTeamsPerPerson: 3,
      maxLeadPerPerson: 1,
    },
    registrationOpensAt: '2026-11-01T00:00:00.000+08:00',
    registrationClosesAt: '2026-12-10T00:00:00.000+08:00',
    submissionClosesAt: '2026-12-20T00:00:00.000+08:00',
    checklist: ['团队成员均为在校学生', '作品为团队原创，未在其他赛事获奖', '作品完成于近两年内'],
    judging: {
      judgesPerProject: 2,
      minScoredForNormalising: 2,
      rubric: [
        {
          id: 'innovation',
          name: '创新性',
          levels: [
            { score: 1, description: '已有做法的简单重复' },
            { score: 3, description: '有改进，但可替代' },
            { score: 5, description: '方法或模式有明显突破' },
          ],
        },
        {
          id: 'feasibility',
          name: '可行性',
          levels: [
            { score: 1, description: '缺少落地条件' },
            { score: 3, description: '有初步验证' },
            { score: 5, description: '已有用户或订单' },
          ],
        },
      ],
      calibrationTeamId: null,
    },
    shortlistQuota: 1,
    status: 'open',
    createdAt: '2026-11-01T00:00:00.000+08:00',
    updatedAt: '2026-11-01T00:00:00.000+08:00',
    isDemo: false,
    ...overrides,
  }
}

export function sampleTeamMember(openid: string, overrides: Partial<TeamMember> = {}): TeamMember {
  return {
    openid,
    name: `成员${openid}`,
    university: '黄淮学院',
    degree: 'bachelor',
    stationId: null,
    confirmedAt: '2026-11-02T00:00:00.000+08:00',
    joinedAt: '2026-11-02T00:00:00.000+08:00',
    ...overrides,
  }
}

export function sampleTeam(overrides: Partial<Team> = {}): Team {
  return {
    id: 'tmdemo',
    competitionId: 'cpdemo',
    trackId: 'tech',
    name: '星火队',
    projectTitle: '智慧农机调度平台',
    leaderOpenid: 'lead',
    members: [sampleTeamMember('lead'), sampleTeamMember('m2'), sampleTeamMember('m3')],
    advisors: [],
    declaringUnit: '',
    inviteCode: '123456',
    checklistSignedAt: '2026-11-02T00:00:00.000+08:00',
    submissions: [],
    frozenAt: null,
    shortlistedAt: null,
    withdrawnAt: null,
    award: null,
    createdAt: '2026-11-02T00:00:00.000+08:00',
    updatedAt: '2026-11-02T00:00:00.000+08:00',
    isDemo: false,
    ...overrides,
  }
}
