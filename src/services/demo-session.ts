/**
 * Who the H5 demo build acts as: the openid sent as `X-Demo-Openid`. Local mode only; the
 * mini-program's identity is the WeChat OPENID and never passes through here.
 */
const OPENID_KEY = 'yz.demo.openid'
const LABEL_KEY = 'yz.demo.label'

export interface DemoSession {
  openid: string
  label: string
}

function storage(): Storage | null {
  if (process.env.TARO_ENV !== 'h5') return null
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : null
  } catch {
    return null
  }
}

const listeners = new Set<() => void>()
// One object per stored value, so React sees a stable snapshot between changes.
let snapshot: { key: string; session: DemoSession | null } | null = null

export function getDemoSession(): DemoSession | null {
  const s = storage()
  const openid = s?.getItem(OPENID_KEY) ?? null
  const label = s?.getItem(LABEL_KEY) ?? null
  const key = `${openid ?? ''}\n${label ?? ''}`
  if (snapshot?.key !== key) snapshot = { key, session: openid ? { openid, label: label || openid } : null }
  return snapshot.session
}

/** Called whenever the session changes (a demo account was chosen or cleared). */
export function subscribeDemoSession(listener: () => void): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

const notify = () => listeners.forEach((l) => l())

export function setDemoSession(session: DemoSession): void {
  const s = storage()
  s?.setItem(OPENID_KEY, session.openid)
  s?.setItem(LABEL_KEY, session.label)
  notify()
}

export function clearDemoSession(): void {
  const s = storage()
  s?.removeItem(OPENID_KEY)
  s?.removeItem(LABEL_KEY)
  notify()
}
