import type { CheckSuggestion, Page, Story, StoryStatus } from '../../../types'

/**
 * Ports of the stories feature: where stories are kept, and WeChat content security (text checked
 * at once, images answered later by the `wxa_media_check` event).
 */

/** The machine's verdict as stored: trace ids kept to match events and for WeChat support. */
export interface CheckRecord {
  suggest: CheckSuggestion
  label: number | null
  traceIds: string[]
}

/** One photo's asynchronous check: `suggest` is null until its event arrives. */
export interface MediaCheckRecord {
  url: string
  traceId: string
  suggest: CheckSuggestion | null
  label: number | null
  startedAt: string
  answeredAt: string | null
}

export type StoryRecord = Omit<Story, 'textCheck' | 'mediaCheck'> & {
  textCheck: CheckRecord | null
  mediaCheck: MediaCheckRecord | null
  /** The story's mini-program code (or local QR), made once for posters. */
  codeImage: string | null
  /** Optimistic writes: every replace is conditioned on the revision it read. */
  rev: number
  /** Feed order: featured (by order) first, then newest; one sortable text (see story sort). */
  feedKey: string
}

export interface StoryStore {
  insert(record: StoryRecord): Promise<void>
  get(id: string): Promise<StoryRecord | null>
  /** Replaces the story when its stored `rev` is still `expectedRev`; false when someone wrote first. */
  replace(record: StoryRecord, expectedRev: number): Promise<boolean>
  /** The story whose photo check carries this trace id. */
  findByMediaTrace(traceId: string): Promise<StoryRecord | null>
  /** Published stories in feed order (`feedKey` descending, then id). */
  listPublished(cursor: string | null, limit: number): Promise<Page<StoryRecord>>
  /** Stories in these states, most recently changed first (the review queue). */
  listByStatus(statuses: StoryStatus[], cursor: string | null, limit: number): Promise<Page<StoryRecord>>
  /** Stories the member wrote or is the subject of, most recently changed first. */
  listInvolving(openid: string, cursor: string | null, limit: number): Promise<Page<StoryRecord>>
  /** Stories still in `machine_check` submitted before `before` (the 30-minute wait). */
  waitingSince(before: string, limit: number): Promise<StoryRecord[]>
  /** Removes the story (a deleted member's story about themselves). */
  remove(id: string): Promise<void>
}

export interface TextCheckRequest {
  /** The author, who used the mini-program within the last two hours (msgSecCheck v2 needs it). */
  openid: string
  content: string
  title?: string
}

export interface CheckAnswer {
  traceId: string
  suggest: CheckSuggestion
  label: number | null
}

/** WeChat content security, or the local stand-in driven by a word list. */
export interface ContentSecurity {
  /** msgSecCheck v2: decides on `result.suggest`, never on errcode. Content ≤ 2,500 characters. */
  checkText(request: TextCheckRequest): Promise<CheckAnswer>
  /** mediaCheckAsync v2: answers a trace id now; the verdict arrives as a `wxa_media_check` event. */
  startMediaCheck(request: { openid: string; url: string }): Promise<{ traceId: string }>
  /** An https URL WeChat can fetch for a stored photo (a cloud file's temporary URL). */
  fetchableUrl(photo: string): Promise<string>
}

/** Where an answered media check goes (the router's `story.mediaCheckEvent`). */
export type StoryCheckEventSink = (event: { traceId: string; suggest: CheckSuggestion; label: number | null }) => Promise<void>
