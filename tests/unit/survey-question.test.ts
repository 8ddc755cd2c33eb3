import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { Question } from '../../src/shared/surveys'
import SurveyQuestion from '../../src/app/surveys/SurveyQuestion.vue'

const text = (it: string) => ({ it, en: `${it} (en)`, ar: `${it} (ar)`, zh: `${it} (zh)`, es: `${it} (es)` })
const question = (q: Partial<Question> & Pick<Question, 'type'>): Question => ({ id: 'q', required: true, text: text('Domanda'), ...q })
const options = [{ value: 'a', label: text('Alfa') }, { value: 'b', label: text('Beta') }, { value: 'c', label: text('Gamma') }]

function render(q: Question, answer?: unknown, language = 'it') {
  return mount(SurveyQuestion, { props: { question: q, language, answer: answer as never } })
}
const emitted = (wrapper: ReturnType<typeof render>) => wrapper.emitted('update:answer')?.map((args) => args[0])

describe('survey question components', () => {
  it('names the answer group after the question heading, in the visitor language and direction', () => {
    const wrapper = render(question({ type: 'yes_no' }), undefined, 'ar')
    const heading = wrapper.get('h2')
    expect(heading.text()).toBe('Domanda (ar)')
    expect(wrapper.get('[role="radiogroup"]').attributes('aria-labelledby')).toBe(heading.attributes('id'))
    expect(wrapper.get('section').attributes()).toMatchObject({ lang: 'ar', dir: 'rtl' })
    expect(wrapper.findAll('[role="radio"]').map((b) => b.text())).toEqual(['نعم', 'لا'])
  })

  it('answers a single choice with the option value and marks it checked', async () => {
    const wrapper = render(question({ type: 'single_choice', options }), 'b')
    expect(wrapper.findAll('[role="radio"]').map((b) => b.attributes('aria-checked'))).toEqual(['false', 'true', 'false'])
    await wrapper.findAll('button')[2]!.trigger('click')
    expect(emitted(wrapper)).toEqual(['c'])
  })

  it('toggles multiple choices in survey order and never answers an empty list', async () => {
    const wrapper = render(question({ type: 'multiple_choice', options }), ['c'])
    await wrapper.findAll('button')[0]!.trigger('click')
    await wrapper.setProps({ answer: ['a', 'c'] })
    await wrapper.findAll('button')[0]!.trigger('click')
    await wrapper.setProps({ answer: ['c'] })
    await wrapper.findAll('button')[2]!.trigger('click')
    expect(emitted(wrapper)).toEqual([['a', 'c'], ['c'], undefined])
  })

  it('labels the faces and scales from the shipped scale labels', () => {
    expect(render(question({ type: 'faces_3' })).findAll('button').map((b) => b.text())).toEqual(['Insoddisfatto/a', 'Così così', 'Soddisfatto/a'])
    expect(render(question({ type: 'faces_5' }), undefined, 'en').findAll('button')).toHaveLength(5)
    expect(render(question({ type: 'likert_5', scale: 'frequency' })).findAll('button').map((b) => b.text())).toEqual(['Mai', 'Raramente', 'A volte', 'Spesso', 'Sempre'])
    const scale = render(question({ type: 'scale_0_10' }), 10)
    expect(scale.findAll('button').map((b) => b.text())).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10'])
    expect(scale.findAll('[aria-checked="true"]').map((b) => b.text())).toEqual(['10'])
    expect(scale.text()).toContain('Estremamente probabile')
  })

  it('answers a scale point as a number', async () => {
    const wrapper = render(question({ type: 'faces_5' }))
    await wrapper.findAll('button')[4]!.trigger('click')
    const scale = render(question({ type: 'scale_0_10' }))
    await scale.findAll('button')[0]!.trigger('click')
    expect([...emitted(wrapper)!, ...emitted(scale)!]).toEqual([5, 0])
  })

  it('takes a whole number in range and refuses anything else with a translated message', async () => {
    const wrapper = render(question({ type: 'number', min: 1, max: 20 }), undefined, 'en')
    const field = wrapper.get('input')
    await field.setValue('7')
    await field.setValue('21')
    expect(wrapper.get('[aria-live]').text()).toBe('Enter a whole number from 1 to 20.')
    await field.setValue('3.5')
    await field.setValue('')
    expect(emitted(wrapper)).toEqual([7, undefined, undefined, undefined])
  })

  it('steps a number with − and + within its range', async () => {
    const wrapper = render(question({ type: 'number', min: 0, max: 2 }), 2)
    const [minus, plus] = wrapper.findAll('button')
    expect(plus!.attributes('disabled')).toBeDefined()
    await minus!.trigger('click')
    expect(emitted(wrapper)).toEqual([1])
  })

  it('says when a question is optional, in the visitor language', () => {
    expect(render(question({ type: 'yes_no', required: false }), undefined, 'es').text()).toContain('Opcional')
  })
})
