import type { QrCodes } from '../../files/ports'

/** The `qrcode` package, loaded on first use: check-in screens and personal codes only. */
export const qrCodes: QrCodes = {
  async dataUrl(text) {
    const QRCode = (await import('qrcode')).default
    return QRCode.toDataURL(text, { margin: 2, width: 360 })
  },
}
