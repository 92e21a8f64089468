import { isActivationKey, pressProps } from './press-props.h5'

const key = (k: string, repeat = false) => {
  const event = { key: k, repeat, prevented: false, preventDefault: () => (event.prevented = true) }
  return event
}

const keyDown = (props: Record<string, unknown>) => props.onKeyDown as (event: ReturnType<typeof key>) => void

describe('pressProps in the browser', () => {
  it('is a focusable control with its role, label and state', () => {
    const props = pressProps(() => undefined, 'link', { label: '编辑资料', disabled: false })
    expect(props).toMatchObject({ role: 'link', tabIndex: 0, 'aria-label': '编辑资料', 'aria-disabled': false })
  })

  it('Enter and Space activate it once (no page scroll); other keys and held keys do not', () => {
    let pressed = 0
    const onKeyDown = keyDown(pressProps(() => (pressed += 1)))
    const enter = key('Enter')
    onKeyDown(enter)
    const space = key(' ')
    onKeyDown(space)
    expect(pressed).toBe(2)
    expect(enter.prevented && space.prevented).toBe(true)
    for (const other of [key('Tab'), key('a'), key('Escape'), key('Enter', true)]) {
      onKeyDown(other)
      expect(other.prevented).toBe(false)
    }
    expect(pressed).toBe(2)
    expect(isActivationKey(key('Spacebar'))).toBe(true)
  })

  it('a disabled control stays reachable but a key does nothing', () => {
    let pressed = 0
    const onKeyDown = keyDown(pressProps(() => (pressed += 1), 'button', { disabled: true }))
    onKeyDown(key('Enter'))
    expect(pressed).toBe(0)
  })
})
