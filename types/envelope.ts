/** Stable error codes of the api. Messages travel alongside, in Chinese, for the person. */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'INVALID_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'ACTIVITY_FULL',
  'SIGNUP_CLOSED',
  'RATE_LIMITED',
  'INTERNAL',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface ApiError {
  code: ErrorCode
  message: string
  /** Field path (e.g. `phone`, `fields.1`) → what is wrong with it, in Chinese. */
  fields?: Record<string, string>
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiError }

/** What a client sends: to `POST /api` as JSON, or as `data` of `callFunction('api')`. */
export interface ApiRequest {
  action: string
  payload?: unknown
  /** Client-made id for a write; repeating it returns the first result. */
  requestId?: string
}

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}
