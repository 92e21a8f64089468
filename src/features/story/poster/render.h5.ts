import { drawLayout, measureWith, type Context2D, type LoadedImage } from './draw'
import { layoutCertificatePoster, layoutStoryPoster, POSTER_WIDTH, type CertificateInput, type Measure, type PosterLayout, type StoryPosterInput } from './layout'

/**
 * The poster in the browser (local / self-hosted H5): the same layout drawn on a `<canvas>` made
 * for the purpose, exported as a PNG blob URL; images are loaded first and let go after.
 */
export interface PosterSources {
  photo: string | null
  /** The mini-program code; null for a certificate that has none. */
  code: string | null
}

export interface RenderedPoster {
  path: string
  width: number
  height: number
}

function load(src: string): Promise<LoadedImage & { element: HTMLImageElement }> {
  return new Promise((resolve, reject) => {
    const image = new Image()
    image.crossOrigin = 'anonymous'
    image.onload = () => resolve({ image, element: image, width: image.naturalWidth, height: image.naturalHeight })
    image.onerror = () => reject(new Error('图片加载失败'))
    image.src = src
  })
}

/** Lays out with the canvas's own measure (and the photo's size, once loaded), draws, exports. */
type Build = (photo: { width: number; height: number } | null, pixelRatio: number, measure: Measure) => PosterLayout

async function renderLayout(build: Build, sources: PosterSources): Promise<RenderedPoster> {
  const [photo, code] = await Promise.all([sources.photo ? load(sources.photo) : null, sources.code ? load(sources.code) : null])
  const canvas = document.createElement('canvas')
  try {
    const ctx = canvas.getContext('2d') as Context2D | null
    if (!ctx) throw new Error('浏览器不支持画布，无法生成海报')
    const layout = build(photo ? { width: photo.width, height: photo.height } : null, window.devicePixelRatio || 1, measureWith(ctx))
    canvas.width = Math.round(layout.width * layout.scale)
    canvas.height = Math.round(layout.height * layout.scale)
    // Resizing resets the context's state: measure was set before, drawing starts afresh.
    drawLayout(ctx, layout, { ...(code ? { code } : {}), ...(photo ? { photo } : {}) })
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'))
    if (!blob) throw new Error('海报生成失败，请重试')
    return { path: URL.createObjectURL(blob), width: POSTER_WIDTH, height: layout.height }
  } finally {
    for (const img of [photo, code]) if (img) img.element.src = ''
    canvas.width = 0
    canvas.height = 0
  }
}

export function renderStoryPoster(story: Omit<StoryPosterInput, 'photo' | 'pixelRatio'>, sources: PosterSources, _canvasId: string): Promise<RenderedPoster> {
  return renderLayout((photo, pixelRatio, measure) => layoutStoryPoster({ ...story, photo, pixelRatio }, measure), sources)
}

/** A certificate (荣誉证书, 翼展档案), with its code where it has one. */
export function renderCertificatePoster(certificate: Omit<CertificateInput, 'pixelRatio'>, code: string | null, _canvasId: string): Promise<RenderedPoster> {
  return renderLayout((_photo, pixelRatio, measure) => layoutCertificatePoster({ ...certificate, pixelRatio }, measure, { code: code !== null }), { photo: null, code })
}

/** Downloads the PNG (the browser's 保存). */
export async function savePoster(poster: RenderedPoster): Promise<void> {
  const link = document.createElement('a')
  link.href = poster.path
  link.download = '翼展联盟-海报.png'
  document.body.appendChild(link)
  link.click()
  link.remove()
}

/** Lets the blob go once the sheet closes. */
export function releasePoster(poster: RenderedPoster): void {
  URL.revokeObjectURL(poster.path)
}
