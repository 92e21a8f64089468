/** Types of wechat-compilers.js (plain JS so that scripts/weapp-check.mjs and jest share it). */
export interface WxmlResult {
  ok: boolean
  /** The JS that defines `$gwx` (when ok). */
  code?: string
  /** wcc's message, naming file:line:col (when not ok). */
  error?: string
  files: number
}
export interface WxssResult {
  ok: boolean
  error?: string
  imports: string[]
}
/** A rendered WXML node as wcc's generated code returns it. */
export interface VirtualNode {
  tag: string
  attr?: Record<string, unknown>
  children?: Array<VirtualNode | string>
}
export type TemplateFunction = (data: Record<string, unknown>, env: Record<string, unknown>, global: Record<string, unknown>) => VirtualNode
export type Gwx = (path: string) => TemplateFunction | undefined

export function compilerBinaries(): { wcc: string; wcsc: string }
export function listFiles(root: string, ext: string): string[]
export function compileWxml(root: string): WxmlResult
export function compileWxss(root: string, file: string): WxssResult
export function wxssImports(root: string, file: string): string[]
/** onMessage receives what the template runtime logs (missing templates, bad expressions). */
export function loadTemplates(code: string, onMessage?: (level: 'warn' | 'error', text: string) => void): Gwx
