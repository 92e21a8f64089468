import { combineVerdicts, feedKeyOf, textChunks } from './stories'

describe('story rules', () => {
  it('splits a body into pieces of at most 2,500 characters, counting code points (an emoji is one)', () => {
    expect(textChunks('')).toEqual([''])
    expect(textChunks('青'.repeat(2500))).toHaveLength(1)
    const pieces = textChunks(`${'青'.repeat(2499)}😀年`)
    expect(pieces).toEqual([`${'青'.repeat(2499)}😀`, '年'])
    expect(textChunks('字'.repeat(6000)).map((p) => [...p].length)).toEqual([2500, 2500, 1000])
  })

  it('takes the worst verdict with its label, keeping every trace id', () => {
    expect(
      combineVerdicts([
        { traceId: 'a', suggest: 'pass', label: 100 },
        { traceId: 'b', suggest: 'review', label: 10001 },
        { traceId: 'c', suggest: 'risky', label: 20001 },
        { traceId: 'd', suggest: 'review', label: 20012 },
      ]),
    ).toEqual({ suggest: 'risky', label: 20001, traceIds: ['a', 'b', 'c', 'd'] })
    expect(combineVerdicts([{ traceId: 'a', suggest: 'pass', label: 100 }])).toEqual({ suggest: 'pass', label: 100, traceIds: ['a'] })
  })

  it('orders the feed: featured by order, then newest; unpublished stories have no place', () => {
    const at = (d: string) => `2026-11-${d}T10:00:00.000+08:00`
    const keys = [
      feedKeyOf({ status: 'published', featured: false, order: 0, publishedAt: at('20') }),
      feedKeyOf({ status: 'published', featured: true, order: 1, publishedAt: at('01') }),
      feedKeyOf({ status: 'published', featured: true, order: 9, publishedAt: at('02') }),
      feedKeyOf({ status: 'published', featured: false, order: 0, publishedAt: at('25') }),
    ]
    expect([...keys].sort().reverse()).toEqual([keys[2], keys[1], keys[3], keys[0]])
    expect(feedKeyOf({ status: 'human_review', featured: false, order: 0, publishedAt: null })).toBe('')
  })
})
