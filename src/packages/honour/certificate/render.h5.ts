import { drawLayout, measureWith, type Context2D } from '@/features/story/poster/draw'
import type { RenderedPoster } from '@/features/story/poster/render'
import { layoutCertificate, type CertificateInput } from './layout'

/** The certificate in the browser: drawn on a `<canvas>` made for it, exported as a PNG blob URL. */
export async function renderCertificate(input: Omit<CertificateInput, 'pixelRatio'>, _canvasId: string): Promise<RenderedPoster> {
  const canvas = document.createElement('canvas')
  try {
    const ctx = canvas.getContext('2d') as Context2D | null
    if (!ctx) throw new Error('浏览器不支持画布，无法生成证书')
    const layout = layoutCertificate({ ...input, pixelRatio: window.devicePixelRatio || 1 }, measureWith(ctx))
    canvas.width = Math.round(layout.width * layout.scale)
    canvas.height = Math.round(layout.height * layout.scale)
    drawLayout(ctx, layout, {})
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
    if (!blob) throw new Error('证书生成失败，请重试')
    return { path: URL.createObjectURL(blob), width: layout.width, height: layout.height }
  } finally {
    canvas.width = 0
    canvas.height = 0
  }
}
