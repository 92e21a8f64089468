import { randomUUID } from 'node:crypto'
import type { CheckSuggestion } from '../../../../types'
import type { ContentSecurity, StoryCheckEventSink } from '../../story/ports'

/**
 * Local and self-hosted mode's stand-in for WeChat content security, driven by a word list so the
 * demo and the tests exercise every verdict: a text holding a `risky` word is risky (label 20006),
 * one holding a `review` word is review (label 10001), anything else passes (label 100).
 *
 * Photos are answered like WeChat does, later, as an event through the same router action. The
 * verdict follows the stored name (uploads are named by 24 hex digits): a name starting `dead` is
 * risky, `beef` review, any other passes. `hold: true` keeps every answer back until
 * `deliverPending()` (tests of the wait and of replays).
 */
export interface WordList {
  risky: string[]
  review: string[]
}

/** The demo's words: gambling and fraud are risky; contact details go to a human. */
export const DEFAULT_WORDS: WordList = { risky: ['赌博', '诈骗', '代考'], review: ['微信号', '加群', '联系方式'] }

/**
 * `CONTENT_SECURITY_WORDS`, e.g. `risky:赌博,诈骗;review:加群`; an absent list keeps its default.
 * Returns a Chinese message for a malformed value.
 */
export function parseWordList(value: string | undefined): WordList | string {
  if (!value || value.trim() === '') return DEFAULT_WORDS
  const list: WordList = { ...DEFAULT_WORDS }
  for (const part of value.split(';').map((p) => p.trim()).filter(Boolean)) {
    const match = /^(risky|review):(.*)$/.exec(part)
    if (!match) return `CONTENT_SECURITY_WORDS 应写成 risky:词,词;review:词,词，“${part}”看不懂`
    list[match[1] as keyof WordList] = match[2]!.split(',').map((w) => w.trim()).filter(Boolean)
  }
  return list
}

const LABELS: Record<CheckSuggestion, number> = { pass: 100, review: 10001, risky: 20006 }

export interface LocalContentSecurity extends ContentSecurity {
  /** Where answers go: the router's `story.mediaCheckEvent` (wired once the api exists). */
  connect(sink: StoryCheckEventSink): void
  /** Answers every held photo check now; resolves when the router has applied them. */
  deliverPending(): Promise<number>
  /** The trace ids still awaiting an answer. */
  pending(): string[]
}

export function localContentSecurity(options: { words?: WordList; hold?: boolean; delayMs?: number } = {}): LocalContentSecurity {
  const words = options.words ?? DEFAULT_WORDS
  const held = new Map<string, CheckSuggestion>()
  let sink: StoryCheckEventSink | null = null
  const verdictOf = (text: string): CheckSuggestion =>
    words.risky.some((w) => text.includes(w)) ? 'risky' : words.review.some((w) => text.includes(w)) ? 'review' : 'pass'

  async function deliver(traceId: string): Promise<void> {
    const suggest = held.get(traceId)
    if (!suggest || !sink) return
    held.delete(traceId)
    await sink({ traceId, suggest, label: LABELS[suggest] })
  }

  return {
    async checkText({ content, title }) {
      const suggest = verdictOf(`${title ?? ''}\n${content}`)
      return { traceId: `local-${randomUUID()}`, suggest, label: LABELS[suggest] }
    },
    async startMediaCheck({ url }) {
      const traceId = `local-media-${randomUUID()}`
      const name = url.split('/').pop() ?? ''
      held.set(traceId, name.startsWith('dead') ? 'risky' : name.startsWith('beef') ? 'review' : 'pass')
      // After the submission has stored the trace id, as WeChat's push arrives after the call.
      if (!options.hold) setTimeout(() => void deliver(traceId).catch(() => undefined), options.delayMs ?? 300)
      return { traceId }
    },
    async fetchableUrl(photo) {
      return photo
    },
    connect(next) {
      sink = next
    },
    async deliverPending() {
      const ids = [...held.keys()]
      for (const id of ids) await deliver(id)
      return ids.length
    },
    pending: () => [...held.keys()],
  }
}
