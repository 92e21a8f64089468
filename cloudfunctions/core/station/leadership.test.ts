import { appointLeader, removeLeader } from './leadership'

describe('appointLeader', () => {
  it('a new head replaces the old one, who loses the role', () => {
    expect(appointLeader({ headOpenid: 'old', deputyOpenids: ['d1'] }, 'new', 'head')).toEqual({
      headOpenid: 'new',
      deputyOpenids: ['d1'],
      demoted: ['old'],
    })
  })

  it('a deputy made head stops being a deputy', () => {
    expect(appointLeader({ headOpenid: null, deputyOpenids: ['d1', 'd2'] }, 'd1', 'head')).toEqual({
      headOpenid: 'd1',
      deputyOpenids: ['d2'],
      demoted: [],
    })
  })

  it('appointing the head again demotes nobody', () => {
    expect(appointLeader({ headOpenid: 'h', deputyOpenids: [] }, 'h', 'head').demoted).toEqual([])
  })

  it('the head made deputy leaves the station without a head', () => {
    expect(appointLeader({ headOpenid: 'h', deputyOpenids: ['d1'] }, 'h', 'deputy')).toEqual({
      headOpenid: null,
      deputyOpenids: ['d1', 'h'],
      demoted: [],
    })
  })

  it('a deputy appointed again is listed once', () => {
    expect(appointLeader({ headOpenid: 'h', deputyOpenids: ['d1'] }, 'd1', 'deputy').deputyOpenids).toEqual(['d1'])
  })
})

describe('removeLeader', () => {
  it('removing the head leaves the deputies', () => {
    expect(removeLeader({ headOpenid: 'h', deputyOpenids: ['d1'] }, 'h')).toEqual({ headOpenid: null, deputyOpenids: ['d1'] })
  })

  it('removing a deputy keeps the head', () => {
    expect(removeLeader({ headOpenid: 'h', deputyOpenids: ['d1', 'd2'] }, 'd2')).toEqual({ headOpenid: 'h', deputyOpenids: ['d1'] })
  })

  it('someone who leads nothing changes nothing', () => {
    expect(removeLeader({ headOpenid: 'h', deputyOpenids: ['d1'] }, 'x')).toBeNull()
  })
})
