import Taro from '@tarojs/taro'
import { drawLayout, measureWith, type Context2D, type LoadedImage } from './draw'
import { layoutCertificatePoster, layoutStoryPoster, POSTER_WIDTH, type CertificateInput, type Measure, type PosterLayout, type StoryPosterInput } from './layout'

/**
 * The poster on the mini-program: canvas 2d (the `<Canvas type='2d' id=…>` of the poster sheet).
 * Images are downloaded to temporary files first (a `cloud://` id cannot be drawn, wxml-to-canvas
 * #7) and removed after; the file is exported from the canvas instance at the layout's scale
 * (Painter PR #257: "canvas is empty" and blur otherwise). The H5 build uses render.h5.ts.
 */
export interface PosterSources {
  photo: string | null
  /** The mini-program code; null for a certificate that has none. */
  code: string | null
}

export interface RenderedPoster {
  /** What an <Image> shows and what is saved. */
  path: string
  width: number
  height: number
}

function canvasNode(id: string): Promise<Taro.Canvas> {
  return new Promise((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((res: { node?: Taro.Canvas }[]) => {
        const node = res[0]?.node
        if (node) resolve(node)
        else reject(new Error('海报画布还没有准备好，请稍后再试'))
      })
  })
}

async function download(source: string): Promise<{ path: string; temporary: boolean }> {
  if (source.startsWith('cloud://')) return { path: (await Taro.cloud.downloadFile({ fileID: source })).tempFilePath, temporary: true }
  if (/^https?:\/\//.test(source)) return { path: (await Taro.downloadFile({ url: source })).tempFilePath, temporary: true }
  return { path: source, temporary: false }
}

function load(canvas: Taro.Canvas, path: string): Promise<LoadedImage> {
  return new Promise((resolve, reject) => {
    const image = canvas.createImage()
    image.onload = () => resolve({ image: image as unknown as CanvasImageSource, width: image.width, height: image.height })
    image.onerror = () => reject(new Error('图片加载失败'))
    image.src = path
  })
}

function removeTemporary(paths: string[]) {
  const fs = Taro.getFileSystemManager()
  for (const filePath of paths) {
    try {
      fs.unlinkSync(filePath)
    } catch {
      // Already gone, or a temporary path the system cleans itself.
    }
  }
}

/** Lays out with the canvas's own measure (and the photo's size, once loaded), draws, exports. */
type Build = (photo: { width: number; height: number } | null, pixelRatio: number, measure: Measure) => PosterLayout

async function renderLayout(build: Build, sources: PosterSources, canvasId: string): Promise<RenderedPoster> {
  const canvas = await canvasNode(canvasId)
  const downloaded: string[] = []
  try {
    const files = await Promise.all([sources.photo ? download(sources.photo) : null, sources.code ? download(sources.code) : null])
    for (const f of files) if (f?.temporary) downloaded.push(f.path)
    const [photo, code] = await Promise.all([files[0] ? load(canvas, files[0].path) : null, files[1] ? load(canvas, files[1].path) : null])
    const ctx = canvas.getContext('2d') as unknown as Context2D
    const layout = build(photo ? { width: photo.width, height: photo.height } : null, Taro.getWindowInfo().pixelRatio, measureWith(ctx))
    canvas.width = Math.round(layout.width * layout.scale)
    canvas.height = Math.round(layout.height * layout.scale)
    drawLayout(ctx, layout, { ...(code ? { code } : {}), ...(photo ? { photo } : {}) })
    const { tempFilePath } = await Taro.canvasToTempFilePath({
      canvas,
      destWidth: canvas.width,
      destHeight: canvas.height,
      fileType: 'png',
    } as Taro.canvasToTempFilePath.Option)
    return { path: tempFilePath, width: POSTER_WIDTH, height: layout.height }
  } finally {
    removeTemporary(downloaded)
  }
}

export function renderStoryPoster(story: Omit<StoryPosterInput, 'photo' | 'pixelRatio'>, sources: PosterSources, canvasId: string): Promise<RenderedPoster> {
  return renderLayout((photo, pixelRatio, measure) => layoutStoryPoster({ ...story, photo, pixelRatio }, measure), sources, canvasId)
}

/** A certificate (荣誉证书, 翼展档案), with its code where it has one. */
export function renderCertificatePoster(certificate: Omit<CertificateInput, 'pixelRatio'>, code: string | null, canvasId: string): Promise<RenderedPoster> {
  return renderLayout((_photo, pixelRatio, measure) => layoutCertificatePoster({ ...certificate, pixelRatio }, measure, { code: code !== null }), { photo: null, code }, canvasId)
}

/** Saves to the album (the person is asked for the permission the first time). */
export async function savePoster(poster: RenderedPoster): Promise<void> {
  await Taro.saveImageToPhotosAlbum({ filePath: poster.path })
}

/** Lets the exported file go once the sheet closes (temporary files count against storage). */
export function releasePoster(poster: RenderedPoster): void {
  removeTemporary([poster.path])
}
