import { fontOf, type DrawOp, type PosterLayout } from './layout'

/** The slice of a 2d context both platforms give (weapp canvas 2d and the browser's `<canvas>`). */
export interface Context2D {
  fillStyle: string | CanvasGradient | CanvasPattern
  font: string
  textBaseline: CanvasTextBaseline
  scale(x: number, y: number): void
  fillRect(x: number, y: number, w: number, h: number): void
  fillText(text: string, x: number, y: number): void
  measureText(text: string): { width: number }
  drawImage(image: CanvasImageSource, sx: number, sy: number, sw: number, sh: number, dx: number, dy: number, dw: number, dh: number): void
}

/** A loaded image and its natural size. */
export interface LoadedImage {
  image: CanvasImageSource
  width: number
  height: number
}

/** The context's own measure, for the layout (the same font strings the drawing sets). */
export const measureWith = (ctx: Context2D) => (text: string, font: Parameters<typeof fontOf>[0]) => {
  ctx.font = fontOf(font)
  return ctx.measureText(text).width
}

/** Draws the layout's operations in order; images fill their box, cropped from the centre. */
export function drawLayout(ctx: Context2D, layout: PosterLayout, images: Partial<Record<'photo' | 'code', LoadedImage>>): void {
  ctx.scale(layout.scale, layout.scale)
  ctx.textBaseline = 'top'
  for (const op of layout.ops) drawOp(ctx, op, images)
}

function drawOp(ctx: Context2D, op: DrawOp, images: Partial<Record<'photo' | 'code', LoadedImage>>) {
  if (op.kind === 'rect') {
    ctx.fillStyle = op.color
    ctx.fillRect(op.x, op.y, op.w, op.h)
  } else if (op.kind === 'text') {
    ctx.fillStyle = op.color
    ctx.font = fontOf(op.font)
    // Centred in its line box: the line height is ours, not the platform's.
    ctx.fillText(op.text, op.x, op.y + (op.lineHeight - op.font.size) / 2)
  } else {
    const img = images[op.source]
    if (!img) return
    const box = op.w / op.h
    const own = img.width / img.height
    const sw = own > box ? img.height * box : img.width
    const sh = own > box ? img.height : img.width / box
    ctx.drawImage(img.image, (img.width - sw) / 2, (img.height - sh) / 2, sw, sh, op.x, op.y, op.w, op.h)
  }
}
