import { figureFromParams, figureQuery } from './pipeline'

describe('figure in a page url', () => {
  it('comes back as it went', () => {
    const figure = { metric: 'returned' as const, cohort: 2026, county: 'queshan' as const, stationId: 'st123' }
    const params = Object.fromEntries(figureQuery(figure).split('&').map((p) => p.split('=')))
    expect(figureFromParams(params)).toEqual(figure)
  })

  it('drops what is not a known metric or county', () => {
    expect(figureFromParams({ metric: 'everyone' })).toBeNull()
    expect(figureFromParams({ metric: 'joined', county: 'beijing' })).toEqual({ metric: 'joined' })
  })
})
