import type { SurveyContent } from '../surveys.js'

/**
 * SILS-I, the Single Item Literacy Screener (Morris et al., 2006): one question, answered on a
 * frequency scale from "never" (1) to "always" (5); answers above 2 suggest limited health literacy.
 */
export const healthLiteracy: SurveyContent = {
  name: 'SILS-I — alfabetizzazione sanitaria (domanda singola)',
  languages: ['it', 'en', 'ar', 'zh', 'es'],
  defaultLanguage: 'it',
  title: {
    it: 'Leggere le informazioni sulla salute',
    en: 'Reading health information',
    ar: 'قراءة المعلومات الصحية',
    zh: '阅读健康信息',
    es: 'Leer información sobre la salud',
  },
  questions: [
    {
      id: 'help_reading',
      type: 'likert_5',
      scale: 'frequency',
      required: true,
      text: {
        it: 'Quanto spesso ha bisogno che qualcuno la aiuti quando legge istruzioni, opuscoli o altro materiale scritto del suo medico o della farmacia?',
        en: 'How often do you need to have someone help you when you read instructions, pamphlets, or other written material from your doctor or pharmacy?',
        ar: 'كم مرة تحتاج إلى من يساعدك عندما تقرأ التعليمات أو النشرات أو غيرها من المواد المكتوبة التي تحصل عليها من طبيبك أو من الصيدلية؟',
        zh: '当您阅读医生或药房提供的说明、宣传册或其他书面材料时，您多久需要别人帮忙一次？',
        es: '¿Con qué frecuencia necesita que alguien le ayude cuando lee instrucciones, folletos u otros materiales escritos de su médico o de la farmacia?',
      },
    },
  ],
}
