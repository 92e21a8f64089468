import { decodeCursor, encodeCursor, pageSize } from './cursor'
import { AppError } from './errors'

describe('cursors', () => {
  it('round-trip the sort key of the last item', () => {
    const cursor = encodeCursor(['2026-07-01T09:00:00.000+08:00', 'a1', 3])
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(decodeCursor(cursor, 3)).toEqual(['2026-07-01T09:00:00.000+08:00', 'a1', 3])
  })

  it('no cursor is the first page', () => {
    expect(decodeCursor(undefined, 2)).toBeNull()
    expect(decodeCursor('', 2)).toBeNull()
  })

  it('a cursor of another list or a made-up one is refused with a message to refresh', () => {
    const other = encodeCursor(['x'])
    for (const bad of [other, 'not-base64-json', encodeCursor([{ a: 1 }] as unknown as string[])]) {
      expect(() => decodeCursor(bad, 2)).toThrow(AppError)
    }
    expect(() => decodeCursor(other, 2)).toThrow('分页位置已失效，请刷新后重试')
  })

  it('the page size defaults to 20', () => {
    expect(pageSize(undefined)).toBe(20)
    expect(pageSize(5)).toBe(5)
  })
})
