export const POSTER_CANVAS_ID = 'poster-canvas'

/** The browser draws posters on a canvas of its own making (render.h5.ts): nothing on the page. */
export default function PosterCanvas() {
  return null
}
