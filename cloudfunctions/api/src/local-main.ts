import path from 'node:path'
import { isLoopback, loadConfig } from '../../runtime/config'
import { startServer } from './http-server'

/** `npm start`: the H5 app and the api over SQLite in one process. Configuration: see README. */
async function main() {
  process.env.TZ ??= 'Asia/Shanghai'
  const config = loadConfig(process.env)
  const server = await startServer({
    port: config.port,
    host: config.host,
    dataDir: config.dataDir,
    staticDir: path.resolve(__dirname, '..', 'dist', 'h5'),
    demo: config.demo,
    seed: config.demo,
    staffOpenids: config.staffOpenids,
    publicUrl: config.publicUrl,
    checkInSecret: config.checkInSecret,
    // Without real template ids, local mode still records what it would push (the outbox).
    templates: {
      reminder: config.templates.reminder ?? 'local-reminder',
      result: config.templates.result ?? 'local-result',
      notice: config.templates.notice ?? 'local-notice',
    },
    schedulerIntervalMs: 60_000,
    contentWords: config.contentWords,
  })
  console.log(`\n  翼展联盟 本地版已启动：${server.url}\n`)
  console.log(`  数据目录：${path.resolve(config.dataDir)}`)
  console.log(config.demo ? '  示例登录：已开启（可在页面上切换示例账号）\n' : '  示例登录：已关闭\n')
  if (config.demo && !isLoopback(config.host)) {
    console.log('  注意：演示模式对能访问本服务的任何人开放（包括工作人员账号），请勿用于真实数据。\n')
  }
  const stop = () => {
    server.close().then(() => process.exit(0), () => process.exit(1))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
