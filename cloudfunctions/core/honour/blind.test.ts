import { automaticConflict, drawPanel, MASK, nameVariants, redact, seededRandom, shuffled } from './blind'

describe('blind review pieces', () => {
  it('masks the name, the given name and the university in free text, longest first', () => {
    const text = '王小明同学在郑州大学组织支教，小明说：郑州的孩子们……'
    expect(redact(text, [...nameVariants('王小明'), '郑州大学', '郑州'])).toBe(`${MASK}同学在${MASK}组织支教，${MASK}说：${MASK}的孩子们……`)
  })

  it('leaves text alone when there is nothing to mask, and escapes pattern characters', () => {
    expect(redact('事迹', [])).toBe('事迹')
    expect(redact('a.b 与 axb', ['a.b'])).toBe(`${MASK} 与 axb`)
  })

  it('finds automatic conflicts by station, university or county', () => {
    const nominee = { stationId: 'st1', university: '郑州大学', county: 'suiping' }
    expect(automaticConflict({ stationId: 'st1', university: '', county: '' }, nominee)).toBe('与被提名人同一驿站')
    expect(automaticConflict({ stationId: null, university: '郑州大学', county: '' }, nominee)).toBe('与被提名人同一学校或单位')
    expect(automaticConflict({ stationId: null, university: '河南大学', county: 'suiping' }, nominee)).toBe('与被提名人同一县区')
    expect(automaticConflict({ stationId: null, university: '河南大学', county: 'yicheng' }, nominee)).toBeNull()
  })

  it('draws the same panel from the same seed, replacing the excluded with the next in order', () => {
    const pool = ['a', 'b', 'c', 'd', 'e', 'f']
    const order = shuffled(pool, seededRandom(7))
    expect(order.slice().sort()).toEqual(pool)
    const draw = drawPanel(pool, 3, seededRandom(7), (m) => (m === order[1] ? '同一驿站' : null))
    expect(draw.panel).toEqual([order[0], order[2], order[3]])
    expect(draw.skipped).toEqual([{ member: order[1], reason: '同一驿站' }])
    expect(draw.rest).toEqual(order.slice(4))
  })
})
