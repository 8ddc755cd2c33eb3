import type { SurveyContent } from '../surveys.js'

export const standSatisfaction: SurveyContent = {
  name: 'Soddisfazione per lo stand',
  languages: ['it', 'en', 'ar', 'zh', 'es'],
  defaultLanguage: 'it',
  title: {
    it: 'La sua opinione sul nostro stand',
    en: 'Your opinion of our stand',
    ar: 'رأيك في جناحنا',
    zh: '您对我们展位的看法',
    es: 'Su opinión sobre nuestro stand',
  },
  questions: [
    {
      id: 'satisfaction',
      type: 'faces_3',
      required: true,
      text: {
        it: 'Quanto è soddisfatto/a della visita al nostro stand?',
        en: 'How satisfied are you with your visit to our stand?',
        ar: 'ما مدى رضاك عن زيارتك لجناحنا؟',
        zh: '您对这次参观我们的展位满意吗？',
        es: '¿Qué tan satisfecho/a está con su visita a nuestro stand?',
      },
    },
    {
      id: 'recommend',
      type: 'scale_0_10',
      required: false,
      text: {
        it: 'Quanto è probabile che consigli questo stand a un amico o a un familiare?',
        en: 'How likely are you to recommend this stand to a friend or family member?',
        ar: 'ما مدى احتمال أن توصي صديقًا أو أحد أفراد عائلتك بزيارة هذا الجناح؟',
        zh: '您向朋友或家人推荐这个展位的可能性有多大？',
        es: '¿Qué probabilidad hay de que recomiende este stand a un amigo o familiar?',
      },
    },
  ],
}
