import { blindTerms, MASK, redact } from './redaction'

describe('blind copy redaction', () => {
  it('masks team name, member names and universities, longest first, ignoring case and spaces', () => {
    const text = '我们星火队来自黄淮学院（黄淮 学院），负责人张三；Spark Team 出品。'
    const out = redact(text, ['星火队', '黄淮学院', '张三', 'spark team', '黄淮'])
    expect(out.text).toBe(`我们${MASK}来自${MASK}（${MASK}），负责人${MASK}；${MASK} 出品。`)
    expect(out.masked).toBe(5)
  })

  it('leaves text without the terms alone and ignores one-character terms', () => {
    expect(redact('一个智慧农机调度平台', ['张', '星火队'])).toEqual({ text: '一个智慧农机调度平台', masked: 0 })
  })

  it('treats regular-expression characters literally', () => {
    expect(redact('团队(A+)的作品', ['(A+)']).text).toBe(`团队${MASK}的作品`)
  })

  it('terms: trimmed, deduplicated, longest first', () => {
    expect(blindTerms([' 黄淮 ', '黄淮学院', '黄淮', 'x'])).toEqual(['黄淮学院', '黄淮'])
  })
})
