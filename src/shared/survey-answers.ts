import type { Question } from './surveys.js'

/** The answers a question accepts (a number question: any whole number in range, listed as none). */
export function answerValues(q: Pick<Question, 'type' | 'options'>): (string | number)[] {
  switch (q.type) {
    case 'single_choice':
    case 'multiple_choice':
      return q.options?.map((o) => o.value) ?? []
    case 'faces_3':
      return [1, 2, 3]
    case 'faces_5':
    case 'likert_5':
      return [1, 2, 3, 4, 5]
    case 'scale_0_10':
      return [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    case 'yes_no':
      return ['yes', 'no']
    case 'number':
      return []
  }
}
