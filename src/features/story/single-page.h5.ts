/** The browser has no single-page mode. */
export function inSinglePageMode(): boolean {
  return false
}
