import Taro from '@tarojs/taro'
import { useState } from 'react'
import { Button, Image, Text, View } from '@tarojs/components'
import { HONOUR_FILE_EXTENSIONS, HONOUR_MATERIAL_LIMITS, type Attachment } from '../../../../types'
import FormField from '@/components/form-field'
import Pressable from '@/components/pressable'
import { ApiCallError, errorMessage } from '@/services/api'
import { openMaterialFile, pickAndUploadFile, pickAndUploadPhotos } from '../material-upload'

export interface MaterialFiles {
  photos: string[]
  files: Attachment[]
}

/**
 * 照片 and 附件 of a nomination, from the phone: each upload goes to storage at once, the form
 * keeps the file ids; removing one only takes it off the form.
 */
export default function MaterialFields({
  value,
  onChange,
  errors,
  onError,
}: {
  value: MaterialFiles
  onChange: (next: MaterialFiles) => void
  errors: Record<string, string>
  onError: (fields: Record<string, string>) => void
}) {
  const [busy, setBusy] = useState<'photos' | 'files' | null>(null)
  const run = async (kind: 'photos' | 'files', upload: () => Promise<void>) => {
    if (busy) return
    setBusy(kind)
    try {
      await upload()
    } catch (error) {
      if (error instanceof ApiCallError) onError(error.fields)
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setBusy(null)
    }
  }
  const photosLeft = HONOUR_MATERIAL_LIMITS.photos - value.photos.length
  const addPhotos = () =>
    run('photos', async () => {
      const added = await pickAndUploadPhotos(photosLeft)
      if (added.length) onChange({ ...value, photos: [...value.photos, ...added] })
    })
  const addFile = () =>
    run('files', async () => {
      const added = await pickAndUploadFile()
      if (added) onChange({ ...value, files: [...value.files, added] })
    })
  const open = (fileId: string) => void openMaterialFile(fileId).catch((error: unknown) => void Taro.showToast({ title: errorMessage(error), icon: 'none' }))

  return (
    <>
      <FormField name='materials.photos' label={`照片（最多${HONOUR_MATERIAL_LIMITS.photos}张，每张不超过2MB）`} optional error={errors['materials.photos']}>
        <View className='honour-photos' id='honour-photos'>
          {value.photos.map((photo, i) => (
            <View className='honour-photo' key={photo}>
              <Image className='honour-photo__image' src={photo} mode='aspectFill' nativeProps={{ alt: `照片${i + 1}` }} />
              <Button className='btn btn-plain honour-photo__remove' id={`honour-photo-remove-${i}`} onClick={() => onChange({ ...value, photos: value.photos.filter((p) => p !== photo) })}>
                删除
              </Button>
            </View>
          ))}
        </View>
        {photosLeft > 0 ? (
          <Button className='btn btn-ghost' id='honour-photo-add' disabled={busy !== null || undefined} onClick={() => void addPhotos()}>
            {busy === 'photos' ? '正在上传…' : '添加照片'}
          </Button>
        ) : null}
      </FormField>
      <FormField name='materials.files' label={`附件（${HONOUR_FILE_EXTENSIONS.join('、')}，最多${HONOUR_MATERIAL_LIMITS.files}个）`} hint='手机上请从聊天记录（如文件传输助手）中选择文件' optional error={errors['materials.files']}>
        {value.files.map((file, i) => (
          <View className='honour-file' key={file.fileId}>
            <Pressable className='honour-file__name' id={`honour-file-${i}`} role='link' onPress={() => open(file.fileId)}>
              <Text>{file.name}</Text>
            </Pressable>
            <Button className='btn btn-plain' id={`honour-file-remove-${i}`} onClick={() => onChange({ ...value, files: value.files.filter((f) => f.fileId !== file.fileId) })}>
              删除
            </Button>
          </View>
        ))}
        {value.files.length < HONOUR_MATERIAL_LIMITS.files ? (
          <Button className='btn btn-ghost' id='honour-file-add' disabled={busy !== null || undefined} onClick={() => void addFile()}>
            {busy === 'files' ? '正在上传…' : '添加附件'}
          </Button>
        ) : null}
      </FormField>
    </>
  )
}
