import type { ApiError, ErrorCode } from '../../../types'

/** A failure the caller should see as it is: a stable code and a Chinese message. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message)
    this.name = 'AppError'
  }

  toApiError(): ApiError {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message }
  }
}

export const invalidInput = (field: string, message: string) => new AppError('INVALID_INPUT', message, { [field]: message })
export const notFound = (message: string) => new AppError('NOT_FOUND', message)
export const conflict = (message: string) => new AppError('CONFLICT', message)
export const forbidden = (message: string) => new AppError('FORBIDDEN', message)
export const unauthenticated = (message = '请先登录') => new AppError('UNAUTHENTICATED', message)
