import fs from 'node:fs'
import path from 'node:path'
import { ALL_COLLECTIONS } from './collections'
import { INDEXES } from './indexes'
import { consoleChecklist, createAllCollections } from './setup'
import { CloudBaseStandIn } from './testing/stand-in'

const readme = fs.readFileSync(path.join(__dirname, '../../../../README.md'), 'utf8')

describe('the one list of collections', () => {
  it('the set-up step creates every collection once, and a second run creates none', async () => {
    const standIn = new CloudBaseStandIn()
    const db = standIn.database()
    expect((await createAllCollections(db)).sort()).toEqual([...ALL_COLLECTIONS].sort())
    expect(ALL_COLLECTIONS.every((name) => standIn.hasCollection(name))).toBe(true)
    expect(await createAllCollections(db)).toEqual([])
  })

  it("the README's lock-down list names exactly the collections in code", () => {
    const section = /<!-- collections:start -->([\s\S]*?)<!-- collections:end -->/.exec(readme)?.[1] ?? ''
    const named = [...section.matchAll(/`([a-z_]+)`/g)].map((m) => m[1])
    expect(named.sort()).toEqual([...ALL_COLLECTIONS].sort())
  })

  it('the index list and the console checklist cover every collection', () => {
    expect(Object.keys(INDEXES).sort()).toEqual([...ALL_COLLECTIONS].sort())
    const checklist = consoleChecklist()
    for (const name of ALL_COLLECTIONS) expect(checklist).toContain(`  ${name}`)
    expect(checklist).toContain('{"read":false,"write":false}')
  })
})
