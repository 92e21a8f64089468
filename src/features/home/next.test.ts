import type { Activity, MyActivity, Page, PolicyHit } from '../../../types'
import { loadHomeNext, nextOfMine, type HomeNextSources } from './next'

const NOW = Date.parse('2026-07-01T00:00:00Z')

function mine(id: string, startAt: string, endAt: string, status: MyActivity['registration']['status']): MyActivity {
  return {
    activity: { id, title: id, type: 'lab_visit', startAt, endAt, place: '驻马店', status: 'published' },
    registration: { status } as MyActivity['registration'],
  }
}

const page = <T>(items: T[]): Page<T> => ({ items, nextCursor: null })

describe('首页 → 接下来', () => {
  it('asks for all of it at once: every read starts before the first one answers', async () => {
    const log: string[] = []
    const delayed =
      <T>(name: string, value: T) =>
      () => {
        log.push(`start ${name}`)
        return new Promise<T>((resolve) =>
          setTimeout(() => {
            log.push(`end ${name}`)
            resolve(value)
          }, 30),
        )
      }
    const sources: HomeNextSources = {
      myRegistrations: delayed('mine', page<MyActivity>([])),
      openForMe: delayed('open', page<Activity>([])),
      newestPolicies: delayed('policies', page<PolicyHit>([])),
    }
    const started = Date.now()
    await loadHomeNext(sources, NOW)
    expect(log.slice(0, 3).sort()).toEqual(['start mine', 'start open', 'start policies'])
    // Three reads of 30 ms in parallel take about 30 ms, not 90.
    expect(Date.now() - started).toBeLessThan(80)
  })

  it('next of mine is the soonest sign-up still ahead, registered or waiting; cancelled and past ones are not', () => {
    const items = [
      mine('past', '2026-06-01T00:00:00Z', '2026-06-02T00:00:00Z', 'registered'),
      mine('cancelled', '2026-07-02T00:00:00Z', '2026-07-03T00:00:00Z', 'cancelled'),
      mine('later', '2026-08-01T00:00:00Z', '2026-08-02T00:00:00Z', 'registered'),
      mine('waiting', '2026-07-10T00:00:00Z', '2026-07-11T00:00:00Z', 'waitlisted'),
    ]
    expect(nextOfMine(page(items), NOW)?.activity.id).toBe('waiting')
    expect(nextOfMine(page([items[0], items[1]]), NOW)).toBeNull()
  })

  it('shows at most three open sign-ups and two policies', async () => {
    const open = Array.from({ length: 5 }, (_, i) => ({ id: `a${i}` }) as Activity)
    const policies = Array.from({ length: 4 }, (_, i) => ({ id: `p${i}` }) as PolicyHit)
    const data = await loadHomeNext(
      { myRegistrations: async () => page([]), openForMe: async () => page(open), newestPolicies: async () => page(policies) },
      NOW,
    )
    expect(data.open.map((a) => a.id)).toEqual(['a0', 'a1', 'a2'])
    expect(data.policies.map((p) => p.id)).toEqual(['p0', 'p1'])
    expect(data.mine).toBeNull()
  })
})
