// Load through the local HTTP server with autocannon: requests/s and latency percentiles.
import autocannon from 'autocannon'

export async function loadTest({ url, action, payload = {}, openid, connections = 100, duration = 5 }) {
  const result = await autocannon({
    url: `${url}/api`,
    method: 'POST',
    connections,
    duration,
    headers: { 'content-type': 'application/json', ...(openid ? { 'x-demo-openid': openid } : {}) },
    body: JSON.stringify({ action, payload }),
  })
  return {
    action,
    connections,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  }
}
