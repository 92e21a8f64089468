import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { Button, Image, Text, View } from '@tarojs/components'
import { AWARD_LEVELS, type Award, type NominationView } from '../../../../../types'
import StateView from '../../../../components/state-view'
import { useLoad } from '@/hooks/use-load'
import { errorMessage } from '@/services/api'
import PosterCanvas, { POSTER_CANVAS_ID } from '@/features/story/components/poster-canvas'
import { releasePoster, renderCertificatePoster, savePoster, type RenderedPoster } from '@/features/story/poster/render'
import { fetchAward, fetchNomination } from '@/features/honour/api'
import { honourCertificate } from '../../certificate'
import '@/features/honour/honour.scss'

type Drawn = { status: 'drawing' } | { status: 'ready'; image: RenderedPoster } | { status: 'error'; message: string }

/** 荣誉证书: an awarded member's certificate, drawn on the device and saved to the album. */
export default function CertificatePage() {
  const id = useRouter().params.id ?? ''
  const nomination = useLoad<{ nomination: NominationView; award: Award }>(
    async () => {
      const n = await fetchNomination(id)
      return { nomination: n, award: await fetchAward(n.awardId) }
    },
    id,
  )
  if (nomination.status === 'loading') return <StateView kind='loading' />
  if (nomination.status === 'error' || !nomination.data) {
    return <StateView kind='error' description={nomination.error ?? undefined} actionText='重试' onAction={() => void nomination.reload()} />
  }
  const { nomination: n, award } = nomination.data
  if (n.state !== 'awarded') return <StateView kind='empty' title='授予荣誉后才有证书' />
  return <Certificate name={n.nomineeName} awardName={n.awardName} levelName={AWARD_LEVELS.find((l) => l.id === award.level)?.name ?? ''} awardedOn={n.updatedAt} />
}

function Certificate(props: { name: string; awardName: string; levelName: string; awardedOn: string }) {
  const [drawn, setDrawn] = useState<Drawn>({ status: 'drawing' })
  const [saving, setSaving] = useState(false)
  const [attempt, setAttempt] = useState(0)
  const { name, awardName, levelName, awardedOn } = props
  useEffect(() => {
    let made: RenderedPoster | null = null
    setDrawn({ status: 'drawing' })
    // After the first paint: the hidden canvas must be on the page before it is drawn on.
    const timer = setTimeout(() => {
      renderCertificatePoster(honourCertificate({ holder: name, awardName, levelName, awardedOn }), null, POSTER_CANVAS_ID)
        .then((image) => {
          made = image
          setDrawn({ status: 'ready', image })
        })
        .catch((error: unknown) => setDrawn({ status: 'error', message: errorMessage(error) }))
    }, 50)
    return () => {
      clearTimeout(timer)
      if (made) releasePoster(made)
    }
  }, [name, awardName, levelName, awardedOn, attempt])

  const save = async (image: RenderedPoster) => {
    if (saving) return
    setSaving(true)
    try {
      await savePoster(image)
      void Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='page honour-certificate' id='honour-certificate'>
      <PosterCanvas />
      {drawn.status === 'drawing' ? <StateView kind='loading' title='正在生成证书' /> : null}
      {drawn.status === 'error' ? <StateView kind='error' description={drawn.message} actionText='重试' onAction={() => setAttempt((a) => a + 1)} /> : null}
      {drawn.status === 'ready' ? (
        <View className='card'>
          <Image className='honour-certificate__image' id='certificate-image' src={drawn.image.path} mode='widthFix' nativeProps={{ alt: `${awardName}荣誉证书` }} />
          <Text className='hint'>证书由翼展联盟根据授予记录生成。</Text>
          <Button className='btn btn-primary' id='certificate-save' disabled={saving || undefined} onClick={() => void save(drawn.image)}>
            {saving ? '正在保存…' : '保存到相册'}
          </Button>
        </View>
      ) : null}
    </View>
  )
}
