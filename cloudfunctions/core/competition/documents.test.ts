import { bytesMatchExtension, submissionExtensionOf } from './documents'

describe('submission documents', () => {
  it('knows the allowed extensions only', () => {
    expect(submissionExtensionOf('计划书.PDF')).toBe('pdf')
    expect(submissionExtensionOf('a.exe')).toBeNull()
  })

  it('checks the bytes against the extension', () => {
    expect(bytesMatchExtension('pdf', Buffer.from('%PDF-1.7\n'))).toBe(true)
    expect(bytesMatchExtension('pdf', Buffer.from('<html>'))).toBe(false)
    expect(bytesMatchExtension('docx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0]))).toBe(true)
    expect(bytesMatchExtension('doc', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toBe(true)
    expect(bytesMatchExtension('mp4', Buffer.from([0, 0, 0, 0x18, 0x66, 0x74, 0x79, 0x70]))).toBe(true)
    expect(bytesMatchExtension('zip', Buffer.from('MZ'))).toBe(false)
  })
})
