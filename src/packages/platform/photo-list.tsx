import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import { errorMessage } from '@/services/api'
import { coverUrl, pickImage, uploadCover } from '@/services/upload'

/** As many as the server keeps (types/platform.ts). */
export const PLATFORM_PHOTOS_MAX = 6

interface Props {
  photos: string[]
  onChange: (photos: string[]) => void
  /** While a photo uploads the form must not be saved. */
  onUploading: (uploading: boolean) => void
}

/**
 * A platform's photos in its editor: pick one (camera or album on weapp, a file on H5), it is
 * uploaded where activity covers go, and the server checks each on save.
 */
export default function PhotoList({ photos, onChange, onUploading }: Props) {
  const [uploading, setUploading] = useState<string | null>(null)

  const add = async () => {
    if (uploading || photos.length >= PLATFORM_PHOTOS_MAX) return
    const image = await pickImage()
    if (!image) return
    setUploading(image.preview)
    onUploading(true)
    try {
      const stored = await uploadCover(image)
      onChange([...photos, stored])
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setUploading(null)
      onUploading(false)
    }
  }

  return (
    <View className='platform-photos'>
      {photos.map((p, i) => (
        <View className='platform-photos__item' key={p} id={`platform-photo-${i}`}>
          <Image className='platform-photos__img' src={coverUrl(p) ?? ''} mode='aspectFill' nativeProps={{ alt: `第${i + 1}张照片` }} />
          <Pressable className='platform-photos__remove' id={`platform-photo-remove-${i}`} label={`删除第${i + 1}张照片`} onPress={() => onChange(photos.filter((q) => q !== p))}>
            <Text>删除</Text>
          </Pressable>
        </View>
      ))}
      {uploading ? (
        <View className='platform-photos__item'>
          <Image className='platform-photos__img' src={uploading} mode='aspectFill' nativeProps={{ alt: '正在上传的照片' }} />
          <Text className='platform-photos__busy'>正在上传…</Text>
        </View>
      ) : null}
      {photos.length < PLATFORM_PHOTOS_MAX && !uploading ? (
        <Pressable className='platform-photos__add' id='platform-photo-add' label='添加照片' onPress={() => void add()}>
          <Text>+ 添加照片</Text>
        </Pressable>
      ) : null}
    </View>
  )
}
