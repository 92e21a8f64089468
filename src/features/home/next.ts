import type { Activity, MyActivity, Page, PolicyHit } from '../../../types'

/** 首页 → 接下来: what comes next for a member. */
export interface HomeNextData {
  /** Of my sign-ups, the one that starts next (registered or waiting), if any is still ahead. */
  mine: MyActivity | null
  /** Sign-ups open now that I can join and have not joined yet. */
  open: Activity[]
  /** The newest published policies. */
  policies: PolicyHit[]
}

/** The reads 接下来 is made of; the page passes the features' api calls in. */
export interface HomeNextSources {
  myRegistrations: () => Promise<Page<MyActivity>>
  openForMe: () => Promise<Page<Activity>>
  newestPolicies: () => Promise<Page<PolicyHit>>
}

export const OPEN_SHOWN = 3
export const POLICIES_SHOWN = 2

export function nextOfMine(page: Page<MyActivity>, now: number): MyActivity | null {
  const ahead = page.items.filter(
    (m) => (m.registration.status === 'registered' || m.registration.status === 'waitlisted') && Date.parse(m.activity.endAt) > now,
  )
  return ahead.sort((a, b) => Date.parse(a.activity.startAt) - Date.parse(b.activity.startAt))[0] ?? null
}

/**
 * Reads all three at once (one round trip, not three), and is started by 首页 together with the
 * profile, not after it: the server knows the caller from the platform, so nothing here waits for
 * `member.me`. Whatever a caller is not allowed to read (a visitor has no sign-ups) counts as none.
 */
export async function loadHomeNext(sources: HomeNextSources, now: number): Promise<HomeNextData> {
  const [mine, open, policies] = await Promise.all([sources.myRegistrations(), sources.openForMe(), sources.newestPolicies()])
  return {
    mine: nextOfMine(mine, now),
    // The server already leaves out what I signed up for (eligibleOnly).
    open: open.items.slice(0, OPEN_SHOWN),
    policies: policies.items.slice(0, POLICIES_SHOWN),
  }
}
