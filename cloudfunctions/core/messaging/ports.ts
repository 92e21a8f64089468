import type { Page } from '../../../types'

/** Subscribe messages: what was pushed, the authorisations left, and the sender behind them. */

export type TemplateKey = 'reminder' | 'result' | 'notice'

export interface SentMessage {
  id: string
  openid: string
  template: TemplateKey
  page: string
  data: Record<string, string>
  at: string
  /** 0 when WeChat accepted it; WeChat's errcode otherwise (e.g. 43101: no authorisation left). */
  errcode: number
}

/** Subscribe-message authorisations (one tap = one message) and the log of what was pushed. */
export interface MessageStore {
  grant(openid: string, template: TemplateKey, at: string): Promise<void>
  /** Uses up one authorisation; false when none is left. */
  consume(openid: string, template: TemplateKey): Promise<boolean>
  log(message: SentMessage): Promise<void>
  /** What was pushed to a member (the local outbox), newest first. */
  sentTo(openid: string, cursor: string | null, limit: number): Promise<Page<SentMessage>>
  forgetMember(openid: string): Promise<void>
}

/** Sends a WeChat subscribe message; local mode sends nothing (the message log is the outbox). */
export interface MessageSender {
  send(message: { openid: string; templateId: string; page: string; data: Record<string, string> }): Promise<{ errcode: number }>
}

export interface PushConfig {
  sender: MessageSender
  /** Template ids from configuration; null: that message is not configured (nothing is sent). */
  templates: { reminder: string | null; result: string | null; notice: string | null }
}
