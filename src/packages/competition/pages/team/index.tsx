import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro'
import { Button, Image, Text, View } from '@tarojs/components'
import { DEGREES, type Competition, type SubmissionFile, type TeamView } from '../../../../../types'
import StateView from '../../../../components/state-view'
import FormField, { FormText } from '../../../../components/form-field'
import { useLoad } from '@/hooks/use-load'
import { useMe } from '@/hooks/use-me'
import { useRequestId } from '@/hooks/use-request-id'
import { ApiCallError, errorMessage } from '../../../../services/api'
import * as api from '../../../../features/competition/api'
import { COMPETITION_PAGES, shortTime, TEAM_STATE_NAMES } from '../../../../features/competition/labels'
import { pickAndUploadSubmission } from '../../../../features/competition/submission-file'
import { CertificateSheet } from '../../../../features/story/components/poster-sheet'
import '../../competition.scss'

const degreeName = (id: string) => DEGREES.find((d) => d.id === id)?.name ?? id

/** A team: invite, confirm, author order, leader, advisors, eligibility, and versions of the work. */
export default function TeamPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const me = useMe()
  const load = useLoad<{ team: TeamView; competition: Competition }>(
    id
      ? async () => {
          const team = await api.getTeam(id)
          return { team, competition: await api.getCompetition(team.competitionId) }
        }
      : null,
    id,
  )
  const [message, setMessage] = useState('')
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const [advisor, setAdvisor] = useState({ name: '', unit: '', phone: '' })
  const [unit, setUnit] = useState<string | null>(null)
  const [abstract, setAbstract] = useState('')
  const [files, setFiles] = useState<SubmissionFile[]>([])
  const [qr, setQr] = useState('')
  const request = useRequestId()
  usePullDownRefresh(() => {
    void load.reload(true).finally(() => Taro.stopPullDownRefresh())
  })
  useShareAppMessage(() => ({
    title: `邀请你加入团队「${load.data?.team.name ?? ''}」`,
    path: `${COMPETITION_PAGES.list}?code=${load.data?.team.inviteCode ?? ''}`,
  }))

  if (load.status === 'error') return <StateView kind='error' description={load.error ?? undefined} actionText='重试' onAction={() => void load.reload()} />
  if (!load.data) return <StateView kind='loading' />
  const { team, competition } = load.data
  const mine = me.member?.openid ?? ''
  const isLeader = team.leaderOpenid === mine
  const meInTeam = team.members.find((m) => m.openid === mine)

  /** Runs one change; a refusal shows its reason, field errors go under their fields. */
  const act = async (work: () => Promise<TeamView>, done?: () => void) => {
    setBusy(true)
    setMessage('')
    setErrors({})
    try {
      const saved = await work()
      load.setData({ team: saved, competition })
      done?.()
    } catch (e) {
      if (e instanceof ApiCallError) setErrors(e.fields)
      setMessage(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }
  /** Asks first: withdrawing the entry or leaving the team cannot be undone here. */
  const afterConfirm = async (content: string, confirmText: string, work: () => Promise<TeamView>, leave: boolean) => {
    const { confirm } = await Taro.showModal({ title: '请确认', content, confirmText, confirmColor: '#C8161D' })
    if (!confirm) return
    await act(work, leave ? () => void Taro.redirectTo({ url: COMPETITION_PAGES.list }) : undefined)
  }
  const gone = (openid: string) => openid.startsWith('deleted-')
  const deadlinePassed = Date.now() >= Date.parse(competition.submissionClosesAt)
  const move = (index: number, by: number) => {
    const order = team.members.map((m) => m.openid)
    const [item] = order.splice(index, 1)
    order.splice(index + by, 0, item!)
    void act(() => api.reorderTeam(team.id, order))
  }
  const pick = async () => {
    setMessage('')
    try {
      const file = await pickAndUploadSubmission()
      if (file) setFiles((f) => [...f, file])
    } catch (e) {
      setMessage(errorMessage(e))
    }
  }
  const submit = () => {
    const input = { teamId: team.id, abstract, files }
    void act(
      () => api.submitVersion(input, request.idFor(input)),
      () => {
        request.done()
        setFiles([])
      },
    )
  }

  return (
    <View className='page' id='team-page'>
      <View className='cp-hero'>
        <Text className='cp-hero__title' id='team-name'>
          {team.name}
        </Text>
        <Text className='cp-hero__sub'>
          {team.projectTitle} · <Text id='team-state'>{TEAM_STATE_NAMES[team.state]}</Text>
        </Text>
        <Text className='cp-hero__sub'>{competition.title}</Text>
      </View>

      {message ? (
        <View className='card'>
          <Text className='cp-reason' id='team-message'>
            {message}
          </Text>
        </View>
      ) : null}

      {team.withdrawnAt ? (
        <Text className='cp-banner' id='team-withdrawn'>
          团队已于 {shortTime(team.withdrawnAt)} 撤销参赛，不再参加评审；成员的参赛名额已释放。
        </Text>
      ) : null}

      {team.leaderGone && meInTeam && !team.withdrawnAt ? (
        <View className='card' id='team-handover'>
          <Text className='section-title'>选出新负责人</Text>
          <Text className='hint'>原负责人已注销账号。全体成员都确认同一位同学后，由他担任负责人；也可以请团市委工作人员直接指定。</Text>
          {team.handover ? (
            <Text className='cp-ok' id='team-handover-progress'>
              {team.members.find((m) => m.openid === team.handover!.candidateOpenid)?.name ?? ''}：已有{team.handover.confirmedBy.length}/{team.members.filter((m) => !gone(m.openid)).length}位成员确认
            </Text>
          ) : null}
          <View className='cp-actions'>
            {team.members
              .filter((m) => !gone(m.openid))
              .map((m, i) => {
                const confirmed = team.handover?.candidateOpenid === m.openid && team.handover.confirmedBy.includes(mine)
                return (
                  <Button key={m.openid} className='btn btn-plain' size='mini' id={`handover-${i}`} disabled={busy || confirmed} onClick={() => void act(() => api.handOverTeam(team.id, m.openid))}>
                    {confirmed ? `已确认${m.name}` : `确认${m.name}担任负责人`}
                  </Button>
                )
              })}
          </View>
        </View>
      ) : null}

      {meInTeam && !team.withdrawnAt && (team.award || team.shortlistedAt) ? (
        <View className='card' id='team-certificate'>
          <Text className='section-title'>荣誉证书</Text>
          <Text className='hint'>{team.award ?? '晋级上一级比赛'}：生成带小程序码的证书图片，保存后可分享。</Text>
          <CertificateSheet makeText='生成荣誉证书' fetch={() => api.certificate(team.id)} />
        </View>
      ) : null}

      <View className='card' id='team-blockers'>
        <Text className='section-title'>提交前检查</Text>
        {team.blockers.length === 0 ? <Text className='cp-ok'>团队已满足提交条件</Text> : null}
        {team.blockers.map((b) => (
          <Text className='cp-reason' key={b}>
            {b}
          </Text>
        ))}
      </View>

      {isLeader && team.inviteCode ? (
        <View className='card' id='team-invite'>
          <Text className='section-title'>邀请成员</Text>
          <Text className='cp-code' id='team-invite-code'>
            {team.inviteCode}
          </Text>
          <Text className='hint'>把6位邀请码发给队友，或直接分享给他们；队友加入后需要自己确认。</Text>
          <View className='cp-actions'>
            <Button className='btn btn-ghost' openType='share' id='team-share'>
              分享邀请卡片
            </Button>
            <Button
              className='btn btn-plain'
              id='team-qr'
              disabled={busy}
              onClick={() =>
                void api.teamInviteImage(team.id).then(
                  (invite) => setQr(invite.image),
                  (e: unknown) => setMessage(errorMessage(e)),
                )
              }
            >
              生成小程序码
            </Button>
          </View>
          {qr ? <Image src={qr} mode='aspectFit' className='cp-qr' nativeProps={{ alt: '团队邀请小程序码' }} /> : null}
        </View>
      ) : null}

      <View className='card' id='team-members'>
        <Text className='section-title'>成员（按作者顺序）</Text>
        {team.members.map((m, i) => (
          <View className='cp-row' key={m.openid} id={`member-${i}`}>
            <View className='cp-row__main'>
              <Text className='cp-row__title'>
                {i + 1}. {m.name}
                {m.openid === team.leaderOpenid ? '（负责人）' : ''}
              </Text>
              <Text className='hint'>
                {m.university} · {degreeName(m.degree)} · {m.confirmedAt ? '已确认' : '待确认'}
              </Text>
              {isLeader ? (
                <View className='cp-actions'>
                  {i > 0 ? (
                    <Button className='btn btn-plain' size='mini' id={`member-up-${i}`} disabled={busy} onClick={() => move(i, -1)}>
                      上移
                    </Button>
                  ) : null}
                  {i < team.members.length - 1 ? (
                    <Button className='btn btn-plain' size='mini' id={`member-down-${i}`} disabled={busy} onClick={() => move(i, 1)}>
                      下移
                    </Button>
                  ) : null}
                  {m.openid !== team.leaderOpenid ? (
                    <Button className='btn btn-plain' size='mini' id={`member-lead-${i}`} disabled={busy} onClick={() => void act(() => api.setTeamLeader(team.id, m.openid))}>
                      设为负责人
                    </Button>
                  ) : null}
                  {m.openid !== team.leaderOpenid ? (
                    <Button className='btn btn-plain' size='mini' id={`member-remove-${i}`} disabled={busy} onClick={() => void act(() => api.removeTeamMember(team.id, m.openid))}>
                      移除
                    </Button>
                  ) : null}
                </View>
              ) : null}
            </View>
          </View>
        ))}
        {meInTeam && !meInTeam.confirmedAt ? (
          <Button className='btn btn-primary' id='team-confirm' disabled={busy} onClick={() => void act(() => api.confirmTeam(team.id))}>
            确认加入团队
          </Button>
        ) : null}
      </View>

      <View className='card' id='team-advisors'>
        <Text className='section-title'>指导老师（最多{competition.rules.advisorsMax}位）</Text>
        {team.advisors.length === 0 ? <Text className='hint'>还没有指导老师</Text> : null}
        {team.advisors.map((a) => (
          <View className='cp-row' key={a.id}>
            <View className='cp-row__main'>
              <Text className='cp-row__title'>{a.name}</Text>
              <Text className='hint'>
                {a.unit} · {a.phone}
              </Text>
            </View>
            {isLeader ? (
              <Button className='btn btn-plain' size='mini' disabled={busy} onClick={() => void act(() => api.removeAdvisor(team.id, a.id))}>
                移除
              </Button>
            ) : null}
          </View>
        ))}
        {isLeader ? (
          <View>
            <FormField name='name' label='姓名' error={errors.name}>
              <FormText id='advisor-name-input' value={advisor.name} onChange={(v) => setAdvisor({ ...advisor, name: v })} maxlength={20} placeholder='指导老师姓名' />
            </FormField>
            <FormField name='unit' label='单位' error={errors.unit}>
              <FormText id='advisor-unit-input' value={advisor.unit} onChange={(v) => setAdvisor({ ...advisor, unit: v })} maxlength={40} placeholder='所在单位' />
            </FormField>
            <FormField name='phone' label='手机号' hint='只有本团队能看到完整号码' error={errors.phone}>
              <FormText id='advisor-phone-input' value={advisor.phone} onChange={(v) => setAdvisor({ ...advisor, phone: v })} maxlength={11} placeholder='11位手机号' />
            </FormField>
            <Button
              className='btn btn-ghost'
              id='advisor-add'
              disabled={busy}
              onClick={() => void act(() => api.addAdvisor({ teamId: team.id, ...advisor }), () => setAdvisor({ name: '', unit: '', phone: '' }))}
            >
              添加指导老师
            </Button>
          </View>
        ) : null}
      </View>

      {isLeader ? (
        <View className='card' id='team-eligibility'>
          <Text className='section-title'>申报单位与参赛资格</Text>
          <FormField name='declaringUnit' label='申报单位' optional hint='跨校团队必填' error={errors.declaringUnit}>
            <FormText id='team-unit-input' value={unit ?? team.declaringUnit} onChange={setUnit} maxlength={40} placeholder='例如：黄淮学院' />
          </FormField>
          <Button className='btn btn-plain' id='team-unit-save' disabled={busy || unit === null} onClick={() => void act(() => api.updateTeam({ teamId: team.id, declaringUnit: unit ?? '' }))}>
            保存申报单位
          </Button>
          {competition.checklist.map((item, i) => (
            <Text className='hint' key={item}>
              {i + 1}. {item}
            </Text>
          ))}
          {team.checklistSignedAt ? (
            <Text className='cp-ok'>已于 {shortTime(team.checklistSignedAt)} 确认资格承诺</Text>
          ) : (
            <Button className='btn btn-ghost' id='team-sign' disabled={busy} onClick={() => void act(() => api.signChecklist(team.id))}>
              我已逐条阅读并承诺以上内容
            </Button>
          )}
        </View>
      ) : null}

      <View className='card' id='team-submissions'>
        <Text className='section-title'>作品版本（截止 {shortTime(competition.submissionClosesAt)}）</Text>
        {team.submissions.length === 0 ? <Text className='hint'>还没有提交作品</Text> : null}
        {[...team.submissions].reverse().map((s) => (
          <View className='cp-row' key={s.version} id={`version-${s.version}`}>
            <View className='cp-row__main'>
              <Text className='cp-row__title'>
                第{s.version}版 · {shortTime(s.submittedAt)}
              </Text>
              <Text className='hint'>{s.files.map((f) => f.name).join('、')}</Text>
              {s.refused ? (
                <Text className='cp-reason' id={`version-refused-${s.version}`}>
                  未通过形式审查：{s.refused.reason}
                </Text>
              ) : null}
            </View>
          </View>
        ))}
        {isLeader ? (
          <View>
            <FormField name='abstract' label='作品简介' error={errors.abstract}>
              <FormText id='submission-abstract-input' value={abstract} onChange={setAbstract} maxlength={1000} placeholder='评审看到的简介（团队与学校名称会被隐去）' multiline />
            </FormField>
            <FormField name='files' label='作品文件' hint='从聊天中选择 pdf、doc(x)、ppt(x)、zip 或 mp4' error={errors.files}>
              {files.map((f) => (
                <Text className='hint' key={f.fileId}>
                  {f.name}
                </Text>
              ))}
              <Button className='btn btn-plain' id='submission-pick' disabled={busy} onClick={() => void pick()}>
                选择文件
              </Button>
            </FormField>
            <Button className='btn btn-primary' id='submission-submit' disabled={busy} loading={busy} onClick={submit}>
              提交新版本
            </Button>
          </View>
        ) : null}
      </View>

      {meInTeam && !team.withdrawnAt ? (
        <View className='card' id='team-exit'>
          <Text className='section-title'>{isLeader ? '撤销参赛' : '退出团队'}</Text>
          {isLeader ? (
            <View>
              <Text className='hint'>作品提交截止前，负责人可以撤销整个团队的参赛报名：团队不再参加评审，每位成员都会收到通知，参赛名额随即释放。</Text>
              <Button
                className='btn btn-ghost'
                id='team-withdraw'
                disabled={busy || deadlinePassed || Boolean(team.frozenAt)}
                onClick={() => void afterConfirm(`撤销“${team.name}”的参赛报名？撤销后不能恢复。`, '撤销参赛', () => api.withdrawTeam(team.id), false)}
              >
                {deadlinePassed ? '提交已截止，不能撤销' : '撤销参赛'}
              </Button>
            </View>
          ) : (
            <View>
              <Text className='hint'>退出后你在本赛事的参赛名额随即释放，可以加入其他团队。</Text>
              <Button
                className='btn btn-ghost'
                id='team-leave'
                disabled={busy || Boolean(team.frozenAt)}
                onClick={() => void afterConfirm(`退出团队“${team.name}”？`, '退出', () => api.removeTeamMember(team.id, mine), true)}
              >
                退出团队
              </Button>
            </View>
          )}
        </View>
      ) : null}
    </View>
  )
}
