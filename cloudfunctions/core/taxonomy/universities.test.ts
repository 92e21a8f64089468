import { listedUniversity, searchUniversities } from './universities'

const names = (q: string, limit = 5) => searchUniversities(q, limit).map((u) => u.name)

describe('finding a university as students type it', () => {
  it('knows the full list, with province and city', () => {
    expect(listedUniversity('黄淮学院')).toEqual({ name: '黄淮学院', province: '河南省', city: '驻马店市', level: 'bachelor' })
    expect(listedUniversity('驻马店职业技术学院')).toMatchObject({ city: '驻马店市', level: 'associate' })
    expect(listedUniversity('郑州大学附属中学')).toBeNull()
  })

  it('finds 郑州大学 by 郑大, by its pinyin initials and by its full name', () => {
    expect(names('郑大')[0]).toBe('郑州大学')
    expect(names('zzdx')[0]).toBe('郑州大学')
    expect(names('ZZDX')[0]).toBe('郑州大学')
    expect(names('郑州大学')[0]).toBe('郑州大学')
  })

  it('understands common 简称 outside Henan too', () => {
    expect(names('华科')).toContain('华中科技大学')
    expect(names('北理工')[0]).toBe('北京理工大学')
    expect(names('西交')).toContain('西安交通大学')
    expect(names('武大')).toContain('武汉大学')
  })

  it('reads polyphones in context: 重庆大学 is cqdx', () => {
    expect(names('cqdx')).toContain('重庆大学')
  })

  it('puts Henan first when a 简称 fits several, and names that start with the typed text before others', () => {
    expect(names('河大')[0]).toBe('河南大学')
    const huanghuai = names('黄淮', 10)
    expect(huanghuai[0]).toBe('黄淮学院')
  })

  it('finds nothing for text no name contains, and caps the list', () => {
    expect(searchUniversities('没有这所学校xyz')).toEqual([])
    expect(searchUniversities('大学', 7)).toHaveLength(7)
  })
})
