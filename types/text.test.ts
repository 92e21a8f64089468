import { createDemandInput, createPolicyInput, auditListInput, registerMemberInput, signUpInput } from '.'
import { findHostile, isCalendarDate, stripForXml } from './text'

/** Hostile text and impossible dates are refused at the contract boundary (M-2, m-9, m-10). */
const HOSTILE = {
  'U+FFFE': '坏\uFFFE名',
  'U+FFFF': '坏\uFFFF名',
  NUL: '坏\u0000名',
  'C1 control': '坏\u0085名',
  'RTL override': '\u202Egnp.exe',
  'isolate': '名\u2066字',
  'zero-width space': '李\u200B明',
  'BOM inside': '李\uFEFF明',
  'lone surrogate': '李\uD800明',
}

const member = {
  name: '李明',
  phone: '13812341234',
  university: '郑州大学',
  major: '软件工程',
  degree: 'bachelor',
  enrollmentYear: 2022,
  graduationYear: 2026,
  hometownCounty: 'suiping',
  fields: ['electronics'],
  consentVersion: 'v',
}

describe('hostile characters', () => {
  it.each(Object.entries(HOSTILE))('refuses %s in a name, naming the field in Chinese', (_kind, value) => {
    const parsed = registerMemberInput.safeParse({ ...member, name: value })
    expect(parsed.success).toBe(false)
    const issue = parsed.error?.issues.find((i) => i.path.join('.') === 'name')
    expect(issue?.message).toMatch(/^姓名含有.+，请删除后再提交$/)
  })

  it('refuses them in form answers, single and multiple', () => {
    expect(signUpInput.safeParse({ activityId: 'a', answers: { why: '回答\uFFFE' } }).success).toBe(false)
    expect(signUpInput.safeParse({ activityId: 'a', answers: { pick: ['好', '\u202E坏'] } }).success).toBe(false)
    expect(signUpInput.safeParse({ activityId: 'a', answers: { why: '普通的回答\n第二行', n: 3 } }).success).toBe(true)
  })

  it('keeps ordinary Chinese, emoji, tabs and line breaks', () => {
    expect(findHostile('驻马店 🎓 青年\t第一行\r\n第二行')).toBeNull()
    expect(registerMemberInput.safeParse({ ...member, name: '欧阳·娜娜' }).success).toBe(true)
  })

  it('strips what XML cannot hold when a file is written, whatever was stored', () => {
    expect(stripForXml('a\uFFFEb\uFFFFc\u0000d\u202Ee\u200Bf\uD800g')).toBe('abcdefg')
    expect(stripForXml('正常\t文字\n')).toBe('正常\t文字\n')
  })
})

describe('calendar dates (m-10)', () => {
  it.each(['2026-13-01', '2026-02-30', '2026-99-99', '2099-13-40', '2026-00-10', '2025-02-29'])('refuses %s', (value) => {
    expect(isCalendarDate(value)).toBe(false)
    const demand = createDemandInput.safeParse({
      employer: '单位',
      position: '岗位',
      field: 'biomed',
      degree: 'bachelor',
      headcount: 1,
      place: '驿城区',
      deadline: value,
    })
    expect(demand.success).toBe(false)
    expect(demand.error?.issues[0]?.message).toBe('截止日期不是有效的日期')
    expect(createPolicyInput.safeParse({ title: 't', category: 'measure', summary: 's', body: 'b', effectiveUntil: value }).success).toBe(false)
    expect(auditListInput.safeParse({ from: value }).success).toBe(false)
  })

  it('accepts real days, leap days included', () => {
    for (const value of ['2026-02-28', '2028-02-29', '2026-12-31']) expect(isCalendarDate(value)).toBe(true)
  })
})
