import type { NoticeAudience } from '../../../types'
import { anchorKeys, audienceHeld, readerKeys, type StationPeriod } from './audience'
import type { NoticeReader } from './ports'

const audience = (overrides: Partial<NoticeAudience> = {}): NoticeAudience => ({
  all: false,
  stationIds: [],
  countyIds: [],
  fieldIds: [],
  degreeIds: [],
  graduationYears: [],
  activityId: null,
  activityStatus: null,
  ...overrides,
})

const reader: NoticeReader = {
  openid: 'm1',
  joinedAt: '2026-03-01T00:00:00.000+08:00',
  hometownCounty: 'suiping',
  degree: 'master',
  graduationYear: 2027,
  fields: ['electronics', 'biomed'],
  stationId: 'st-zzu',
  stationJoinedAt: '2026-03-02T00:00:00.000+08:00',
}
const SENT = '2026-05-01T10:00:00.000+08:00'
const inZzu: StationPeriod[] = [{ stationId: 'st-zzu', joinedAt: '2026-03-02T00:00:00.000+08:00', leftAt: null }]

describe('notice audiences', () => {
  it('everyone who had joined by the send time', () => {
    expect(audienceHeld(audience({ all: true }), reader, [], SENT)).toBe(true)
    expect(audienceHeld(audience({ all: true }), { ...reader, joinedAt: '2026-05-02T00:00:00.000+08:00' }, [], SENT)).toBe(false)
  })

  it('every listed dimension must match; a field matches by any one', () => {
    expect(audienceHeld(audience({ countyIds: ['suiping'], fieldIds: ['biomed', 'food'] }), reader, [], SENT)).toBe(true)
    expect(audienceHeld(audience({ countyIds: ['suiping'], degreeIds: ['doctor'] }), reader, [], SENT)).toBe(false)
    expect(audienceHeld(audience({ graduationYears: [2026] }), reader, [], SENT)).toBe(false)
  })

  it('a station audience holds those in the station when it was sent, not who joined or left around it', () => {
    const station = audience({ stationIds: ['st-zzu'] })
    expect(audienceHeld(station, reader, inZzu, SENT)).toBe(true)
    expect(audienceHeld(station, reader, [{ stationId: 'st-zzu', joinedAt: '2026-06-01T00:00:00.000+08:00', leftAt: null }], SENT)).toBe(false)
    expect(audienceHeld(station, reader, [{ ...inZzu[0]!, leftAt: '2026-04-01T00:00:00.000+08:00' }], SENT)).toBe(false)
  })

  it("an activity audience is frozen at send time, never matched against a profile", () => {
    expect(audienceHeld(audience({ activityId: 'a1' }), reader, inZzu, SENT)).toBe(false)
    expect(anchorKeys(audience({ activityId: 'a1' }))).toEqual([])
  })

  it('a notice is filed under its narrowest dimension, and a reader finds it by their own keys', () => {
    const a = audience({ stationIds: ['st-zzu'], countyIds: ['suiping'] })
    expect(anchorKeys(a)).toEqual(['s:st-zzu'])
    expect(anchorKeys(audience({ countyIds: ['suiping'] }))).toEqual(['c:suiping'])
    expect(anchorKeys(audience({ all: true }))).toEqual(['*'])
    expect(readerKeys(reader)).toEqual(expect.arrayContaining(['*', 'c:suiping', 'd:master', 'y:2027', 'f:electronics', 'f:biomed']))
  })
})
