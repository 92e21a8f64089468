import type { InviteCodes } from '../../files/ports'

/**
 * Local and self-hosted mode: a QR code of the H5 link to the station page (the `qrcode` package,
 * loaded on first use). WeChat's own mini-program codes come from the cloud adapter.
 */
export function qrInvites(publicUrl: () => string): InviteCodes {
  const link = (scene: string, page: string) =>
    `${publicUrl().replace(/\/$/, '')}/#/${page}?scene=${encodeURIComponent(scene)}`
  return {
    link,
    async image(scene, page) {
      const QRCode = (await import('qrcode')).default
      return QRCode.toDataURL(link(scene, page), { errorCorrectionLevel: 'M', margin: 2, width: 360 })
    },
  }
}
