/**
 * What a tap elsewhere wants a tab page to show when it opens: `switchTab` carries no query string,
 * so 首页's "暑期社会实践" card leaves the type here and 活动 takes it when it shows.
 */
const intents = new Map<string, string>()

export function setTabIntent(tab: string, value: string): void {
  intents.set(tab, value)
}

/** Returns the waiting intent once, then forgets it. */
export function takeTabIntent(tab: string): string | undefined {
  const value = intents.get(tab)
  intents.delete(tab)
  return value
}
