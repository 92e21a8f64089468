import { useState } from 'react'
import { Switch, Text, View } from '@tarojs/components'
import Pressable from '@/components/pressable'
import type { CountyId, DegreeId } from '../../../../../types'
import ChoiceChips from '@/components/choice-chips'
import { useTaxonomy } from '@/hooks/use-taxonomy'
import './index.scss'

export interface Filters {
  field?: string
  degree?: DegreeId
  county?: CountyId
  inEffect?: boolean
}

export interface FilterPanelProps {
  value: Filters
  onChange: (next: Filters) => void
  /** Policies filter by county and validity too; demands only by field and degree. */
  withCounty?: boolean
  withInEffect?: boolean
}

const countOf = (f: Filters) => [f.field, f.degree, f.county, f.inEffect].filter(Boolean).length

/** 筛选: one choice per row (tap again to clear), folded away until asked for. */
export default function FilterPanel({ value, onChange, withCounty, withInEffect }: FilterPanelProps) {
  const [open, setOpen] = useState(false)
  const tax = useTaxonomy()
  const n = countOf(value)
  const pick = (key: 'field' | 'degree' | 'county') => (id: string) => onChange({ ...value, [key]: value[key] === id ? undefined : id })
  const summary = [
    value.field ? tax.fieldName(value.field) : null,
    value.degree ? tax.degreeName(value.degree) : null,
    value.county ? tax.countyName(value.county) : null,
    value.inEffect ? '仅看有效' : null,
  ].filter(Boolean)

  return (
    <View className='filter-panel'>
      <View className='filter-panel__bar'>
        <Pressable inline className={`filter-panel__toggle${n > 0 ? ' filter-panel__toggle--on' : ''}`} id='filter-toggle' onPress={() => setOpen(!open)}>
          筛选{n > 0 ? `（${n}）` : ''} {open ? '▴' : '▾'}
        </Pressable>
        <Text className='filter-panel__summary'>{summary.length > 0 ? summary.join(' · ') : '全部领域、学历'}</Text>
        {n > 0 ? (
          <Pressable inline className='filter-panel__clear' id='filter-clear' onPress={() => onChange({})}>
            清除
          </Pressable>
        ) : null}
      </View>
      {open ? (
        <View className='filter-panel__body'>
          <Text className='filter-panel__label'>重点产业领域</Text>
          <ChoiceChips idPrefix='filter-field' items={tax.fields} selected={value.field ? [value.field] : []} onToggle={pick('field')} />
          <Text className='filter-panel__label'>学历</Text>
          <ChoiceChips idPrefix='filter-degree' items={tax.degrees} selected={value.degree ? [value.degree] : []} onToggle={pick('degree')} />
          {withCounty ? (
            <>
              <Text className='filter-panel__label'>县区</Text>
              <ChoiceChips idPrefix='filter-county' items={tax.counties} selected={value.county ? [value.county] : []} onToggle={pick('county')} />
            </>
          ) : null}
          {withInEffect ? (
            <View className='filter-panel__switch'>
              <Text>仅看仍在有效期内的</Text>
              <Switch
                id='filter-in-effect'
                nativeProps={{ 'aria-label': '仅看仍在有效期内的' }}
                color='#C8161D'
                checked={Boolean(value.inEffect)}
                onChange={(e) => onChange({ ...value, inEffect: e.detail.value || undefined })}
              />
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  )
}
