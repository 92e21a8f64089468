/**
 * Who leads a station after an appointment: the rule both store adapters apply inside their own
 * atomic write (a SQLite transaction, a `rev`-conditioned CloudBase update), computed once here.
 */
export interface Leaders {
  headOpenid: string | null
  deputyOpenids: string[]
}

export interface LeadershipChange extends Leaders {
  /** Former leaders who lose the station-head role with this change (a replaced head). */
  demoted: string[]
}

/**
 * Appointing a head replaces the old head, who becomes a plain member; appointing the head as a
 * deputy means the station has no head until another is appointed. A person is never listed twice.
 */
export function appointLeader(current: Leaders, openid: string, as: 'head' | 'deputy'): LeadershipChange {
  const deputies = current.deputyOpenids.filter((d) => d !== openid)
  if (as === 'head') {
    const old = current.headOpenid
    return { headOpenid: openid, deputyOpenids: deputies, demoted: old && old !== openid ? [old] : [] }
  }
  const headOpenid = current.headOpenid === openid ? null : current.headOpenid
  return { headOpenid, deputyOpenids: [...deputies, openid], demoted: [] }
}

/** The leaders without `openid`; null when they were not a leader (nothing to change). */
export function removeLeader(current: Leaders, openid: string): Leaders | null {
  if (current.headOpenid !== openid && !current.deputyOpenids.includes(openid)) return null
  return {
    headOpenid: current.headOpenid === openid ? null : current.headOpenid,
    deputyOpenids: current.deputyOpenids.filter((d) => d !== openid),
  }
}
