import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Image, Text, View } from '@tarojs/components'
import type { PublicStory } from '../../../../../types'
import { ApiCallError, errorMessage } from '@/services/api'
import { fetchPosterCode } from '../../api'
import { personLine } from '../../format'
import type { CertificateInput } from '../../poster/layout'
import { releasePoster, renderCertificatePoster, renderStoryPoster, savePoster, type RenderedPoster } from '../../poster/render'
import PosterCanvas, { POSTER_CANVAS_ID } from '../poster-canvas'
import './index.scss'

/** The api's message, or the renderer's own (a canvas or an image that failed). */
const messageOf = (error: unknown) => (error instanceof Error && !(error instanceof ApiCallError) ? error.message : errorMessage(error))

type State = { status: 'idle' } | { status: 'drawing' } | { status: 'ready'; poster: RenderedPoster } | { status: 'error'; message: string }

/** 生成海报: the story card with its mini-program code, previewed, then saved. */
export default function PosterSheet({ story }: { story: Pick<PublicStory, 'id' | 'title' | 'body' | 'person' | 'tags' | 'photo'> }) {
  return (
    <PosterMaker
      alt={`${story.title} 海报`}
      makeText='生成分享海报'
      make={async () => {
        const code = await fetchPosterCode(story.id)
        return renderStoryPoster(
          { title: story.title, body: story.body, personLine: personLine(story.person), tags: story.tags },
          { photo: story.photo, code: code.image },
          POSTER_CANVAS_ID,
        )
      }}
    />
  )
}

/** 荣誉证书 / 翼展档案: a certificate the caller's page fetched, drawn with its code (if any), previewed, saved. */
export function CertificateSheet({ fetch, makeText, alt = '荣誉证书' }: { fetch: () => Promise<Omit<CertificateInput, 'pixelRatio'> & { code: { image: string } | null }>; makeText: string; alt?: string }) {
  return (
    <PosterMaker
      alt={alt}
      makeText={makeText}
      make={async () => {
        const { code, ...certificate } = await fetch()
        return renderCertificatePoster(certificate, code ? code.image : null, POSTER_CANVAS_ID)
      }}
    />
  )
}

/** Makes a poster on demand (the canvas kept out of sight), previews it, saves it. */
function PosterMaker({ make, alt, makeText }: { make: () => Promise<RenderedPoster>; alt: string; makeText: string }) {
  const [state, setState] = useState<State>({ status: 'idle' })
  const [saving, setSaving] = useState(false)
  const poster = state.status === 'ready' ? state.poster : null

  useEffect(() => () => (poster ? releasePoster(poster) : undefined), [poster])

  const draw = async () => {
    setState({ status: 'drawing' })
    try {
      setState({ status: 'ready', poster: await make() })
    } catch (error) {
      setState({ status: 'error', message: messageOf(error) })
    }
  }

  const save = async () => {
    if (!poster || saving) return
    setSaving(true)
    try {
      await savePoster(poster)
      void Taro.showToast({ title: '海报已保存', icon: 'success' })
    } catch (error) {
      void Taro.showToast({ title: messageOf(error) || '保存失败，请重试', icon: 'none' })
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='poster-sheet'>
      <PosterCanvas />
      {state.status === 'ready' ? (
        <View className='poster-sheet__preview' id='poster-preview'>
          <Image className='poster-sheet__image' id='poster-image' src={state.poster.path} mode='widthFix' nativeProps={{ alt }} />
          <Button id='poster-save' className='btn btn-primary' disabled={saving} onClick={save}>
            {saving ? '正在保存…' : '保存图片'}
          </Button>
          <Button className='btn btn-plain' onClick={() => setState({ status: 'idle' })}>
            关闭
          </Button>
        </View>
      ) : (
        <Button id='poster-make' className='btn btn-ghost' disabled={state.status === 'drawing'} onClick={draw}>
          {state.status === 'drawing' ? '正在生成海报…' : makeText}
        </Button>
      )}
      {state.status === 'error' ? <Text className='poster-sheet__error'>{state.message}</Text> : null}
    </View>
  )
}
