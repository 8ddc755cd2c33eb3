import { describe, expect, it } from 'vitest'
import { demoKit } from '../../src/shared/demo-kit'
import { kitErrorKey, kitFileName, readKitFile } from '../../src/app/coordinator/kits/kit-file'
import { formFromKit, toggled, updateFromForm } from '../../src/app/coordinator/kits/kit-form'

describe('kit files read before sending', () => {
  const text = (value: unknown) => JSON.stringify(value)

  it('passes a kit file of this format on to the server', () => {
    const file = { format: 'corner-kit', formatVersion: 1, kit: {}, surveys: [], contents: [] }
    expect(readKitFile(text(file), 100)).toEqual({ ok: true, file })
  })

  it('refuses empty, oversize, unreadable, foreign and newer files, each with its own code', () => {
    expect(readKitFile('', 0)).toEqual({ ok: false, code: 'empty_file' })
    expect(readKitFile('{}', 1_000_001)).toEqual({ ok: false, code: 'body_too_large' })
    expect(readKitFile('{"format":"corner-kit",', 22)).toEqual({ ok: false, code: 'bad_json' })
    expect(readKitFile(text({ resourceType: 'Bundle' }), 30)).toEqual({ ok: false, code: 'not_a_kit_file' })
    expect(readKitFile('null', 4)).toEqual({ ok: false, code: 'not_a_kit_file' })
    expect(readKitFile(text({ format: 'corner-kit', formatVersion: 2 }), 40)).toEqual({ ok: false, code: 'newer_format' })
  })

  it('explains its codes and leaves the others to the area', () => {
    expect(kitErrorKey('kit_exists')).toBe('coordinator.kits.errors.kit_exists')
    expect(kitErrorKey('network')).toBe('')
  })

  it('names the file after the kit, in plain letters', () => {
    expect(kitFileName('Kit «Scuole» 2027', 4)).toBe('kit-kit-scuole-2027-v4.json')
    expect(kitFileName('«»', 1)).toBe('kit-corner-v1.json')
  })
})

describe('kit form', () => {
  it('edits a copy, and sends it back at the version it was loaded from', () => {
    const form = formFromKit(demoKit)
    form.topics = toggled(form.topics, 'smoking', false)
    expect(demoKit.topics).toContain('smoking')
    const update = updateFromForm({ ...form, name: '  Kit scuole  ' }, demoKit.version)
    expect(update.ok && update.body).toMatchObject({ name: 'Kit scuole', version: demoKit.version })
    expect(update.ok && update.body.topics).not.toContain('smoking')
    expect(update.ok && 'id' in update.body).toBe(false)
  })

  it('asks for a name and at least one topic', () => {
    const form = formFromKit(demoKit)
    expect(updateFromForm({ ...form, name: ' ' }, 1)).toEqual({ ok: false, code: 'name_required' })
    expect(updateFromForm({ ...form, topics: [] }, 1)).toEqual({ ok: false, code: 'topics_required' })
  })

  it('toggles a value once, in order', () => {
    expect(toggled(['a', 'b'], 'c', true)).toEqual(['a', 'b', 'c'])
    expect(toggled(['a', 'b'], 'a', true)).toEqual(['a', 'b'])
    expect(toggled(['a', 'b'], 'a', false)).toEqual(['b'])
  })
})
