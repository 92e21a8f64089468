import * as z from 'zod'
import { MESSAGE_FIELDS, parseKeywordMap, type KeywordMap } from '../core/adapters/cloudbase/subscribe-keywords'
import type { MiniProgramVersion } from '../core/adapters/cloudbase/wxacode-invites'
import { DEFAULT_WORDS, parseWordList, type WordList } from '../core/adapters/files/local-content-security'

/**
 * Configuration comes from environment variables only (no secrets in the repo). Parsed once, with
 * an error that says which variable is wrong.
 */
const listOfIds = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean),
  )

const envSchema = z.object({
  NODE_ENV: z.string().optional(),
  /** Openids of league staff, comma- or space-separated. */
  STAFF_OPENIDS: listOfIds,
  /** Local mode: where the SQLite file lives. */
  DATA_DIR: z.string().optional().default('./.data'),
  PORT: z.coerce.number().int().min(0).max(65535).optional().default(10086),
  HOST: z.string().optional().default('127.0.0.1'),
  /** The address people open for the H5 app (invite links and QR codes). */
  PUBLIC_URL: z.url({ error: 'PUBLIC_URL 应为完整网址' }).optional(),
  /** Signs check-in codes; the same value on every instance. Local mode makes one in DATA_DIR. */
  CHECKIN_SECRET: z.string().min(16, 'CHECKIN_SECRET 至少16个字符').optional(),
  SUBSCRIBE_TEMPLATE_REMINDER: z.string().optional(),
  SUBSCRIBE_TEMPLATE_RESULT: z.string().optional(),
  SUBSCRIBE_TEMPLATE_NOTICE: z.string().optional(),
  /** Which keyword of each template carries which value, e.g. `title:thing1,time:time2,place:thing3`. */
  SUBSCRIBE_TEMPLATE_REMINDER_KEYS: z.string().optional(),
  SUBSCRIBE_TEMPLATE_RESULT_KEYS: z.string().optional(),
  SUBSCRIBE_TEMPLATE_NOTICE_KEYS: z.string().optional(),
  /** The mini-program version invite codes and subscribe messages open. */
  MINIPROGRAM_VERSION: z.enum(['release', 'trial', 'develop'], { error: 'MINIPROGRAM_VERSION 应为 release、trial 或 develop' }).optional(),
  /**
   * Demo sign-in (`X-Demo-Openid`) and demo seed data. Unset: on only while HOST is a loopback
   * address and NODE_ENV is not production; any other address needs an explicit DEMO=1.
   */
  /** Local mode's content-security stand-in: `risky:词,词;review:词,词` (defaults: adapters/files/local-content-security.ts). */
  CONTENT_SECURITY_WORDS: z.string().optional(),
  DEMO: z.enum(['1', '0', 'true', 'false', '']).optional(),
})

export interface ApiConfig {
  staffOpenids: ReadonlySet<string>
  dataDir: string
  port: number
  host: string
  demo: boolean
  publicUrl: string | undefined
  checkInSecret: string | undefined
  templates: { reminder: string | null; result: string | null; notice: string | null }
  /** Per configured template: which keyword carries which value (checked here, at start). */
  templateKeywords: { reminder: KeywordMap | null; result: KeywordMap | null; notice: KeywordMap | null }
  miniProgramVersion: MiniProgramVersion
  /** The local content-security stand-in's words (production uses WeChat's own). */
  contentWords: WordList
}

type TemplateName = keyof typeof MESSAGE_FIELDS

/**
 * A configured template must say which keyword carries which value: without that every push
 * fails with 47003 after using up the member's authorisation (audit D2), so it fails here, loudly.
 */
function keywordsOf(name: TemplateName, templateId: string | undefined, keys: string | undefined, problems: string[]): KeywordMap | null {
  const variable = `SUBSCRIBE_TEMPLATE_${name.toUpperCase()}_KEYS`
  if (!templateId) return null
  if (!keys) {
    problems.push(`${variable}: 已设置模板 SUBSCRIBE_TEMPLATE_${name.toUpperCase()}，还需写明关键词，如 ${MESSAGE_FIELDS[name].map((f, i) => `${f}:thing${i + 1}`).join(',')}`)
    return null
  }
  const parsed = parseKeywordMap(keys, MESSAGE_FIELDS[name])
  if (typeof parsed === 'string') {
    problems.push(`${variable}: ${parsed}`)
    return null
  }
  return parsed
}

/** The demo accounts that local mode seeds and lets anyone sign in as. */
export const DEMO_STAFF_OPENID = 'demo-staff'
/** A second demo staff member: surveys need another staff member's approval (4-eyes). */
export const DEMO_REVIEWER_OPENID = 'demo-staff-2'

/** Whether an address to listen on is reachable from this machine only. */
export function isLoopback(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[|\]$/g, '')
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h) || h === '::ffff:127.0.0.1'
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ApiConfig {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`Invalid configuration in environment variables: ${problems}`)
  }
  const e = parsed.data
  const problems: string[] = []
  const templateKeywords = {
    reminder: keywordsOf('reminder', e.SUBSCRIBE_TEMPLATE_REMINDER, e.SUBSCRIBE_TEMPLATE_REMINDER_KEYS, problems),
    result: keywordsOf('result', e.SUBSCRIBE_TEMPLATE_RESULT, e.SUBSCRIBE_TEMPLATE_RESULT_KEYS, problems),
    notice: keywordsOf('notice', e.SUBSCRIBE_TEMPLATE_NOTICE, e.SUBSCRIBE_TEMPLATE_NOTICE_KEYS, problems),
  }
  const contentWords = parseWordList(e.CONTENT_SECURITY_WORDS)
  if (typeof contentWords === 'string') problems.push(contentWords)
  if (problems.length) throw new Error(`Invalid configuration in environment variables: ${problems.join('; ')}`)
  // Demo sign-in lets anyone act as staff: on by default only for a server nobody else can reach.
  const demo =
    e.DEMO === undefined || e.DEMO === '' ? e.NODE_ENV !== 'production' && isLoopback(e.HOST) : e.DEMO === '1' || e.DEMO === 'true'
  const staff = new Set(e.STAFF_OPENIDS)
  if (demo) for (const openid of [DEMO_STAFF_OPENID, DEMO_REVIEWER_OPENID]) staff.add(openid)
  return {
    staffOpenids: staff,
    dataDir: e.DATA_DIR,
    port: e.PORT,
    host: e.HOST,
    demo,
    publicUrl: e.PUBLIC_URL,
    checkInSecret: e.CHECKIN_SECRET,
    templates: {
      reminder: e.SUBSCRIBE_TEMPLATE_REMINDER || null,
      result: e.SUBSCRIBE_TEMPLATE_RESULT || null,
      notice: e.SUBSCRIBE_TEMPLATE_NOTICE || null,
    },
    templateKeywords,
    miniProgramVersion: e.MINIPROGRAM_VERSION ?? 'release',
    contentWords: typeof contentWords === 'string' ? DEFAULT_WORDS : contentWords,
  }
}
