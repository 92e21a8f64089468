import type { CertificateInput } from '../../features/story/poster/layout'

export const ISSUER = '共青团驻马店市委'

/** 2027-05-04 → 2027年5月4日 */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/**
 * The words of an awarded honour's certificate (荣誉证书), drawn by the same certificate layout as
 * competition placements (features/story/poster). It carries no mini-program code: an honour has no
 * public page to verify it on.
 */
export function honourCertificate(award: { holder: string; awardName: string; levelName: string; awardedOn: string }): Omit<CertificateInput, 'pixelRatio'> {
  return {
    heading: '荣誉证书',
    holder: award.holder,
    entries: [`${award.levelName}“${award.awardName}”`],
    note: `在驻马店青年人才工作中表现突出，经推荐、评审和公示，被授予${award.levelName}“${award.awardName}”荣誉称号。\n特发此证，以资鼓励。`,
    issuer: ISSUER,
    date: chineseDate(award.awardedOn),
  }
}
