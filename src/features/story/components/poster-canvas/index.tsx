import { Canvas } from '@tarojs/components'
import './index.scss'

export const POSTER_CANVAS_ID = 'poster-canvas'

/** The mini-program draws posters on a canvas 2d node of the page, kept out of sight. */
export default function PosterCanvas() {
  return <Canvas type='2d' id={POSTER_CANVAS_ID} className='poster-canvas' />
}
