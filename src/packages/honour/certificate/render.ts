import Taro from '@tarojs/taro'
import { drawLayout, measureWith, type Context2D } from '@/features/story/poster/draw'
import type { RenderedPoster } from '@/features/story/poster/render'
import { layoutCertificate, type CertificateInput } from './layout'

/** The certificate on the mini-program: drawn on the page's hidden canvas 2d node, exported as a PNG. */
export async function renderCertificate(input: Omit<CertificateInput, 'pixelRatio'>, canvasId: string): Promise<RenderedPoster> {
  const canvas = await new Promise<Taro.Canvas>((resolve, reject) => {
    Taro.createSelectorQuery()
      .select(`#${canvasId}`)
      .fields({ node: true, size: true })
      .exec((res: { node?: Taro.Canvas }[]) => (res[0]?.node ? resolve(res[0].node) : reject(new Error('证书画布还没有准备好，请稍后再试'))))
  })
  const ctx = canvas.getContext('2d') as unknown as Context2D
  const layout = layoutCertificate({ ...input, pixelRatio: Taro.getWindowInfo().pixelRatio }, measureWith(ctx))
  canvas.width = Math.round(layout.width * layout.scale)
  canvas.height = Math.round(layout.height * layout.scale)
  drawLayout(ctx, layout, {})
  const option = { canvas, destWidth: canvas.width, destHeight: canvas.height, fileType: 'png' } as Taro.canvasToTempFilePath.Option
  const { tempFilePath } = await Taro.canvasToTempFilePath(option)
  return { path: tempFilePath, width: layout.width, height: layout.height }
}
