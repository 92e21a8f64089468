/** The check-in screen's QR carries `yzci:<activityId>:<token>`; anything else is not ours. */
export function parseCheckInQr(text: string): { activityId: string; token: string } | null {
  const m = /^yzci:([^:\s]{1,64}):([^:\s]{1,64})$/.exec(text.trim())
  return m ? { activityId: m[1], token: m[2] } : null
}
