import { actionSchemas, type ActionName } from './actions'
import { isRetryableWrite, RETRYABLE_WRITES } from './writes'

describe('retryable writes', () => {
  it('the sign-up, a notice send and a join request are retryable writes', () => {
    expect(isRetryableWrite('activity.signUp')).toBe(true)
    expect(isRetryableWrite('notice.send')).toBe(true)
    expect(isRetryableWrite('station.requestJoin')).toBe(true)
  })

  it('reads are not: a retry of a read needs no first result', () => {
    for (const read of ['activity.list', 'policy.search', 'member.me', 'notice.inbox'] as ActionName[]) {
      expect(isRetryableWrite(read)).toBe(false)
    }
  })

  it('names only actions that exist, each once', () => {
    for (const action of RETRYABLE_WRITES) expect(Object.keys(actionSchemas)).toContain(action)
    expect(new Set(RETRYABLE_WRITES).size).toBe(RETRYABLE_WRITES.length)
  })
})
