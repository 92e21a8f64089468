/**
 * The station a page was opened for: `?id=<stationId>` from our own links, or the invite's
 * `?scene=s%3D<stationId>` (WeChat hands the scene over URL-encoded, sometimes twice).
 */
export function stationIdFromParams(params: Partial<Record<string, string>>): string | null {
  if (params.id) return safeDecode(params.id)
  if (!params.scene) return null
  const scene = safeDecode(params.scene)
  for (const part of scene.split('&')) {
    const [key, value] = part.split('=')
    if (key === 's' && value) return value
  }
  return null
}

function safeDecode(value: string): string {
  let current = value
  for (let i = 0; i < 3 && current.includes('%'); i += 1) {
    try {
      current = decodeURIComponent(current)
    } catch {
      break
    }
  }
  return current
}
