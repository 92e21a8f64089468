import { useCallback, useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Button, Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import type { FieldItem, TaxonomyItem } from '../../../../../types'
import StateView from '../../../../components/state-view'
import { listAllFields, saveField } from '../../../../features/member/api'
import { useTaxonomy } from '@/hooks/use-taxonomy'
import { loadTaxonomy } from '@/services/app-store'
import ReasonSheet from '../../../../features/station/components/reason-sheet'
import { errorMessage } from '../../../../services/api'
import StaffGate from '../../staff-gate'
import '../../staff.scss'
import './index.scss'

export default function FieldsPage() {
  return <StaffGate>{() => <FieldsEditor />}</StaffGate>
}

type Editing = { kind: 'add' } | { kind: 'rename'; field: TaxonomyItem } | null

/**
 * The key industry fields students choose from. Retiring keeps a field readable on existing
 * profiles; it just can't be chosen any more.
 */
function FieldsEditor() {
  const taxonomy = useTaxonomy()
  const [editing, setEditing] = useState<Editing>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [all, setAll] = useState<FieldItem[]>([])
  // Retired fields come from the staff-only full list (taxonomy.list has the active ones only).
  const reloadAll = useCallback(() => {
    listAllFields().then(setAll, () => setAll([]))
  }, [])
  useEffect(reloadAll, [reloadAll])
  const retired = all.filter((f) => !f.active)

  const save = async (key: string, input: { id?: string; name: string; active?: boolean }, done: string) => {
    if (busy) return
    setBusy(key)
    try {
      await saveField(input)
      reloadAll()
      setEditing(null)
      loadTaxonomy(true)
      void Taro.showToast({ title: done, icon: 'success' })
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' })
    } finally {
      setBusy(null)
    }
  }

  const retire = async (field: TaxonomyItem) => {
    const { confirm } = await Taro.showModal({
      title: '停用领域',
      content: `停用“${field.name}”后，同学不能再选择它；已选择的同学资料中仍会显示。`,
      confirmText: '停用',
      confirmColor: '#C8161D',
    })
    if (confirm) void save(field.id, { id: field.id, name: field.name, active: false }, '已停用')
  }

  if (taxonomy.loading && taxonomy.fields.length === 0) return <StateView kind='loading' />
  if (taxonomy.error && taxonomy.fields.length === 0) {
    return <StateView kind='error' description={taxonomy.error} actionText='重试' onAction={taxonomy.retry} />
  }

  return (
    <View className='page fields'>
      <View className='card'>
        <Text className='section-title'>启用中（{taxonomy.fields.length}）</Text>
        <Text className='hint fields__hint'>同学加入联盟时最多选择 3 个；站长可按领域筛选成员。</Text>
        {taxonomy.fields.map((f) => (
          <View className='fields__row' key={f.id} id={`field-row-${f.id}`}>
            <Text className='fields__name'>{f.name}</Text>
            <Pressable inline className='fields__action' onPress={() => !busy && setEditing({ kind: 'rename', field: f })}>
              改名
            </Pressable>
            <Pressable inline className='fields__action fields__action--danger' onPress={() => !busy && void retire(f)}>
              {busy === f.id ? '…' : '停用'}
            </Pressable>
          </View>
        ))}
        <Button id='field-add' className='btn btn-ghost fields__add' disabled={busy !== null || undefined} onClick={() => setEditing({ kind: 'add' })}>
          新增领域
        </Button>
      </View>

      {retired.length > 0 ? (
        <View className='card'>
          <Text className='section-title'>已停用</Text>
          {retired.map((f) => (
            <View className='fields__row' key={f.id}>
              <Text className='fields__name fields__name--off'>{f.name}</Text>
              <Pressable inline className='fields__action' onPress={() => !busy && void save(f.id, { id: f.id, name: f.name, active: true }, '已恢复')}>
                {busy === f.id ? '…' : '恢复'}
              </Pressable>
            </View>
          ))}
        </View>
      ) : null}

      <ReasonSheet
        open={editing !== null}
        title={editing?.kind === 'rename' ? `修改“${editing.field.name}”的名称` : '新增重点产业领域'}
        description='名称最多 12 个字，同学和站长都会看到'
        placeholder='例如：智能制造'
        confirmText='保存'
        required
        maxLength={12}
        initial={editing?.kind === 'rename' ? editing.field.name : ''}
        busy={busy !== null}
        onCancel={() => setEditing(null)}
        onConfirm={(name) =>
          editing?.kind === 'rename'
            ? void save(editing.field.id, { id: editing.field.id, name }, '已改名')
            : void save('new', { name }, '已新增')
        }
      />
    </View>
  )
}
