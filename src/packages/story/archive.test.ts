import type { GrowthRecord } from '../../../types'
import { layoutCertificatePoster, type DrawOp, type Measure } from '../../features/story/poster/layout'
import { archivePoster } from './archive'

const measure: Measure = (text, font) => [...text].reduce((w, ch) => w + ((ch.codePointAt(0) ?? 0) < 0x100 ? font.size / 2 : font.size), 0)
const texts = (ops: DrawOp[]) => ops.filter((op): op is Extract<DrawOp, { kind: 'text' }> => op.kind === 'text').map((t) => t.text)

const record: Pick<GrowthRecord, 'total' | 'byType' | 'honours'> = {
  total: 5,
  byType: [
    { type: 'summer_practice', name: '暑期社会实践', count: 3 },
    { type: 'lab_visit', name: '走进实验室', count: 2 },
    { type: 'internship', name: '实习见习', count: 0 },
  ],
  honours: [{ nominationId: 'n1', awardName: '驻马店青年五四奖章', level: 'city', awardedAt: '2027-05-04T10:00:00.000+08:00' }],
}

describe('我的翼展档案 poster', () => {
  it('lists honours, competition results and activities by type (types never taken part in left out), under the member name', () => {
    const poster = archivePoster('王小明', record, [{ competitionTitle: '“挑战杯”驻马店市赛', result: '一等奖' }], '2027-06-01T09:00:00.000+08:00')
    expect(poster.entries).toEqual(['荣誉 · 驻马店青年五四奖章（2027年5月4日）', '竞赛 · “挑战杯”驻马店市赛 · 一等奖', '参加活动5次：暑期社会实践3次、走进实验室2次'])
    expect(poster.date).toBe('2027年6月1日')
    const lines = texts(layoutCertificatePoster({ ...poster, pixelRatio: 2 }, measure, { code: false }).ops)
    expect(lines[0]).toBe('翼展档案')
    expect(lines).toContain('王小明')
    expect(lines).toContain('竞赛 · “挑战杯”驻马店市赛 · 一等奖')
  })

  it('says so when the record is empty instead of drawing an empty page', () => {
    const poster = archivePoster('李四', { total: 0, byType: [], honours: [] }, [], '2027-06-01')
    expect(poster.entries).toEqual(['档案还是空的：报名活动并在现场签到后会自动记入'])
  })
})
