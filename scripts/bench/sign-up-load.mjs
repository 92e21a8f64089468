// Sign-up load through the local HTTP server: a burst of concurrent sign-ups from distinct members
// for a capacity-limited activity (correctness under load), and a sustained run where every request
// signs up a member not seen before (throughput, comparable to system.ping's).
import autocannon from 'autocannon'

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

async function signUp(url, openid, activityId) {
  const started = performance.now()
  const res = await fetch(`${url}/api`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-demo-openid': openid },
    body: JSON.stringify({ action: 'activity.signUp', payload: { activityId } }),
  })
  const body = await res.json()
  return { status: res.status, body, ms: performance.now() - started }
}

/** `count` members sign up at once; returns what each got and the activity's counts afterwards. */
export async function burst({ url, activityId, openids }) {
  const started = performance.now()
  const results = await Promise.all(openids.map((openid) => signUp(url, openid, activityId)))
  const seconds = (performance.now() - started) / 1000
  const latencies = results.map((r) => r.ms).sort((a, b) => a - b)
  const registered = results.filter((r) => r.body.ok && r.body.data.status === 'registered').length
  const full = results.filter((r) => !r.body.ok && r.body.error.code === 'ACTIVITY_FULL').length
  const server5xx = results.filter((r) => r.status >= 500).length
  const other = results.length - registered - full - server5xx
  const ids = new Set(results.filter((r) => r.body.ok).map((r) => r.body.data.registration.id))
  return {
    requests: results.length,
    seconds,
    requestsPerSecond: results.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    registered,
    full,
    server5xx,
    other,
    duplicates: results.filter((r) => r.body.ok).length - ids.size,
  }
}

/** autocannon, each request from the next member in `openids` (so every one is a fresh sign-up). */
export async function sustained({ url, activityId, openids, connections = 100, duration = 5 }) {
  let next = 0
  let failures = 0
  const samples = []
  const result = await autocannon({
    url: `${url}/api`,
    method: 'POST',
    connections,
    duration,
    requests: [
      {
        setupRequest(request) {
          const openid = openids[next % openids.length]
          next += 1
          return {
            ...request,
            headers: { ...request.headers, 'content-type': 'application/json', 'x-demo-openid': openid },
            body: JSON.stringify({ action: 'activity.signUp', payload: { activityId } }),
          }
        },
      },
    ],
    setupClient(client) {
      client.on('response', (status, _bytes, responseTime) => {
        samples.push(responseTime)
        if (status !== 200) failures += 1
      })
    },
  })
  samples.sort((a, b) => a - b)
  return {
    action: 'activity.signUp',
    label: '`activity.signUp` (a new member each request)',
    requests: samples.length,
    requestsPerSecond: result.requests.average,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    non2xx: failures,
    errors: result.errors + result.timeouts,
    distinctMembers: Math.min(next, openids.length),
  }
}
