import type { DestinationRecord } from '../../../types'
import { cell, classifyDestination, median, rate, shouldPromptForDestination } from './rules'

const record = (over: Partial<DestinationRecord>): DestinationRecord => ({
  id: 'de1',
  openid: 'o1',
  status: 'contract',
  workProvince: 'henan',
  workCity: '驻马店市',
  workCounty: 'queshan',
  employer: '',
  field: '',
  reasons: [],
  reasonText: '',
  considerReturn: null,
  reportedAt: '2026-07-01T10:00:00.000+08:00',
  verification: null,
  isDemo: false,
  ...over,
})

describe('回驻 classification', () => {
  it('counts a contract job in 确山县 as 回驻', () => {
    const stored = classifyDestination(record({}))
    expect(stored.isHome && stored.isWorking).toBe(true)
  })

  it('does not count further study in 驻马店, nor a job in 郑州', () => {
    expect(classifyDestination(record({ status: 'further_study' })).isWorking).toBe(false)
    expect(classifyDestination(record({ workCity: '郑州市', workCounty: null })).isHome).toBe(false)
  })

  it('counts 国家基层项目 and 自主创业 as working', () => {
    expect(classifyDestination(record({ status: 'grassroots' })).isWorking).toBe(true)
    expect(classifyDestination(record({ status: 'entrepreneur' })).isWorking).toBe(true)
    expect(classifyDestination(record({ status: 'seeking' })).isWorking).toBe(false)
  })
})

describe('graduation prompt', () => {
  it('asks from 1 March of the graduation year until a report arrives', () => {
    expect(shouldPromptForDestination(2026, '2026-02-28', null)).toBe(false)
    expect(shouldPromptForDestination(2026, '2026-03-01', null)).toBe(true)
    expect(shouldPromptForDestination(2026, '2026-06-01', '2026-05-20T09:00:00.000+08:00')).toBe(false)
  })

  it('asks again a year after the last report, and stops three years on', () => {
    expect(shouldPromptForDestination(2026, '2027-05-21', '2026-05-20T09:00:00.000+08:00')).toBe(true)
    expect(shouldPromptForDestination(2026, '2030-01-01', null)).toBe(false)
  })
})

describe('rates and medians', () => {
  const f = { metric: 'returned' as const }
  it('prints the denominator beside every rate', () => {
    expect(rate(cell(3, f), cell(12, f)).display).toBe('25.0%（3/12）')
    expect(rate(cell(0, f), cell(0, f)).percent).toBeNull()
  })

  it('hides a rate whose numerator is suppressed', () => {
    const r = rate(cell(3, f, true), cell(12, f))
    expect(r.percent).toBeNull()
    expect(r.display).toContain('<5')
  })

  it('takes the middle value', () => {
    expect(median([30, 10, 20])).toBe(20)
    expect(median([10, 20])).toBe(15)
    expect(median([])).toBeNull()
  })
})
