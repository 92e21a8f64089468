import { DEFAULT_WORDS, localContentSecurity, parseWordList } from './local-content-security'

describe('the local content-security stand-in', () => {
  it('reads CONTENT_SECURITY_WORDS, keeping the default of a part left out, and says in Chinese what it cannot read', () => {
    expect(parseWordList(undefined)).toEqual(DEFAULT_WORDS)
    expect(parseWordList('risky:坏词, 另一个;review:待审')).toEqual({ risky: ['坏词', '另一个'], review: ['待审'] })
    expect(parseWordList('review:待审')).toEqual({ risky: DEFAULT_WORDS.risky, review: ['待审'] })
    expect(parseWordList('bad=1')).toMatch(/CONTENT_SECURITY_WORDS 应写成/)
  })

  it('answers every verdict from the word list, title included', async () => {
    const security = localContentSecurity({ words: { risky: ['坏词'], review: ['待审'] } })
    expect((await security.checkText({ openid: 'o', content: '普通内容' })).suggest).toBe('pass')
    expect(await security.checkText({ openid: 'o', content: '这里有待审内容' })).toMatchObject({ suggest: 'review', label: 10001 })
    expect(await security.checkText({ openid: 'o', content: '正文', title: '坏词标题' })).toMatchObject({ suggest: 'risky', label: 20006 })
  })

  it('holds photo answers until delivered, each once, with the verdict its name gives', async () => {
    const security = localContentSecurity({ hold: true })
    const delivered: string[] = []
    security.connect(async (event) => {
      delivered.push(`${event.traceId}:${event.suggest}`)
    })
    const risky = await security.startMediaCheck({ openid: 'o', url: '/uploads/dead456789abcdef01234567.png' })
    const review = await security.startMediaCheck({ openid: 'o', url: '/uploads/beef456789abcdef01234567.png' })
    const pass = await security.startMediaCheck({ openid: 'o', url: '/uploads/0123456789abcdef01234567.png' })
    expect(security.pending()).toHaveLength(3)
    expect(delivered).toEqual([])
    expect(await security.deliverPending()).toBe(3)
    expect(await security.deliverPending()).toBe(0)
    expect(delivered).toEqual([`${risky.traceId}:risky`, `${review.traceId}:review`, `${pass.traceId}:pass`])
  })
})
