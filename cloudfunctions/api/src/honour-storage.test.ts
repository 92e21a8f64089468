import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { localMaterials } from '../../core/adapters/files/local-materials'
import { cloudMaterials } from '../../runtime/cloud-deps'

/** Where honour materials live: local mode's uploads folder, and this environment's CloudBase storage. */
describe('honour material storage', () => {
  it('locally: knows its own `m-` files and their sizes, and removes only those', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'materials-'))
    try {
      fs.writeFileSync(path.join(dir, 'm-0123456789abcdef01234567.pdf'), Buffer.alloc(321))
      fs.writeFileSync(path.join(dir, '0123456789abcdef01234567.png'), Buffer.alloc(5))
      const storage = localMaterials(dir)
      expect(await storage.inspect('/uploads/m-0123456789abcdef01234567.pdf')).toEqual({ size: 321 })
      expect(await storage.inspect('/uploads/m-0123456789abcdef0123456f.pdf')).toBeNull()
      // A cover (no `m-`) or a path that climbs out is not a material.
      expect(await storage.inspect('/uploads/0123456789abcdef01234567.png')).toBeNull()
      expect(await storage.inspect('/uploads/../m-0123456789abcdef01234567.pdf')).toBeNull()
      await storage.remove(['/uploads/m-0123456789abcdef01234567.pdf', '/uploads/0123456789abcdef01234567.png'])
      expect(fs.readdirSync(dir)).toEqual(['0123456789abcdef01234567.png'])
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('in the cloud: accepts this environment’s honour-materials files and deletes them 50 at a time', async () => {
    const calls: string[][] = []
    const storage = cloudMaterials({ deleteFile: async ({ fileList }) => (calls.push(fileList), { fileList: [], requestId: 'r' }) }, 'env-1')
    const ours = (i: number) => `cloud://env-1.bucket/honour-materials/170000000000${i}-abc.pdf`
    expect(await storage.inspect(ours(1))).toEqual({ size: null })
    expect(await storage.inspect('cloud://other.bucket/honour-materials/x.pdf')).toBeNull()
    expect(await storage.inspect('cloud://env-1.bucket/activity-covers/x.png')).toBeNull()
    await storage.remove([...Array.from({ length: 51 }, (_, i) => ours(i)), 'cloud://env-1.bucket/activity-covers/x.png'])
    expect(calls.map((c) => c.length)).toEqual([50, 1])
    expect(calls.flat()).not.toContain('cloud://env-1.bucket/activity-covers/x.png')
  })
})
