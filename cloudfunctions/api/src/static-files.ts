import fs from 'node:fs'
import type { ServerResponse } from 'node:http'
import path from 'node:path'

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
}

/**
 * Serves the H5 build. Unknown paths get `index.html` (the app routes by hash); paths that escape
 * the folder are refused. Hashed assets are cached for long, the page itself never.
 */
/** On every file served: no MIME sniffing, no framing, no referrer (m-8). */
const FILE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
}

/**
 * `sandbox`: files people uploaded. Even if one is not what its type says, a browser opening it
 * directly runs nothing from it.
 */
export function serveStatic(root: string, urlPath: string, res: ServerResponse, { fallback = true, sandbox = false } = {}): void {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    decoded = '/'
  }
  const resolved = path.resolve(root, `.${path.posix.normalize(decoded)}`)
  const inside = resolved === root || resolved.startsWith(root + path.sep)
  const file = inside && isFile(resolved) ? resolved : fallback ? path.join(root, 'index.html') : ''
  if (!file || !isFile(file)) {
    res.writeHead(404, { ...FILE_HEADERS, 'content-type': 'text/plain; charset=utf-8' })
    res.end(fallback ? 'H5 版本还没有构建：请运行 npm start（会先构建）或 npm run build:h5' : '文件不存在')
    return
  }
  const isPage = file.endsWith('.html')
  res.writeHead(200, {
    ...FILE_HEADERS,
    ...(sandbox ? { 'content-security-policy': "default-src 'none'; sandbox" } : {}),
    'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
    'cache-control': isPage ? 'no-cache' : 'public, max-age=31536000, immutable',
  })
  fs.createReadStream(file).pipe(res)
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile()
  } catch {
    return false
  }
}
