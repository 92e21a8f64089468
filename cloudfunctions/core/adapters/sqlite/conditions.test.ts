import { Conditions } from './conditions'

describe('Conditions', () => {
  it('only the filters that are set make the clause, with their parameters', () => {
    const c = new Conditions({ limit: 21 }).when('actor', 'm1', 'actor = @actor').when('from', '', 'at >= @from').when('to', null, 'at <= @to')
    expect(c.clause).toBe('WHERE actor = @actor')
    expect(c.params).toEqual({ limit: 21, actor: 'm1' })
  })

  it('no filter, no WHERE', () => {
    expect(new Conditions().when('q', undefined, 'name LIKE @q').clause).toBe('')
  })

  it('unconditional parts join with AND, in order', () => {
    const c = new Conditions().add('station = @s', { s: 'st1' }).when('y', 2026, 'year = @y')
    expect(c.clause).toBe('WHERE station = @s AND year = @y')
    expect(c.params).toEqual({ s: 'st1', y: 2026 })
  })
})
