import type { SurveyContent } from '../surveys.js'

/** Willingness only: never whether the visitor is vaccinated, a health status the project never collects (docs/privacy.md). */
export const vaccinationIntention: SurveyContent = {
  name: 'Intenzione vaccinale (influenza)',
  languages: ['it', 'en', 'ar', 'zh', 'es'],
  defaultLanguage: 'it',
  title: {
    it: 'Vaccinazioni: la sua intenzione',
    en: 'Vaccination: your intention',
    ar: 'التطعيم: ما تنوي فعله',
    zh: '疫苗接种：您的打算',
    es: 'Vacunación: su intención',
  },
  questions: [
    {
      id: 'flu_intention',
      type: 'likert_5',
      scale: 'likelihood',
      required: true,
      text: {
        it: 'Se il vaccino antinfluenzale le fosse raccomandato quest’anno, quanto è probabile che lo faccia?',
        en: 'If the flu vaccine were recommended for you this year, how likely would you be to get it?',
        ar: 'إذا نُصحت بتلقي لقاح الإنفلونزا هذا العام، فما مدى احتمال أن تتلقاه؟',
        zh: '如果今年建议您接种流感疫苗，您接种的可能性有多大？',
        es: 'Si este año le recomendaran la vacuna contra la gripe, ¿qué probabilidad hay de que se la ponga?',
      },
    },
    {
      id: 'main_doubt',
      type: 'single_choice',
      required: false,
      showIf: { questionId: 'flu_intention', anyOf: [1, 2, 3] },
      text: {
        it: 'Che cosa la fa esitare di più?',
        en: 'What makes you hesitate the most?',
        ar: 'ما الذي يجعلك مترددًا أكثر من غيره؟',
        zh: '最让您犹豫的是什么？',
        es: '¿Qué es lo que más le hace dudar?',
      },
      options: [
        { value: 'side_effects', label: { it: 'La paura degli effetti collaterali', en: 'Worry about side effects', ar: 'القلق من الآثار الجانبية', zh: '担心副作用', es: 'El miedo a los efectos secundarios' } },
        { value: 'not_needed', label: { it: 'Non penso di averne bisogno', en: 'I don’t think I need it', ar: 'لا أظن أنني بحاجة إليه', zh: '我觉得自己不需要', es: 'No creo que lo necesite' } },
        { value: 'access', label: { it: 'Non so dove o quando farlo', en: 'I don’t know where or when to get it', ar: 'لا أعرف أين أو متى أتلقاه', zh: '不知道在哪里或什么时候接种', es: 'No sé dónde ni cuándo ponérmela' } },
        { value: 'other', label: { it: 'Altro motivo', en: 'Another reason', ar: 'سبب آخر', zh: '其他原因', es: 'Otro motivo' } },
      ],
    },
    {
      id: 'wants_info',
      type: 'yes_no',
      required: false,
      text: {
        it: 'Vorrebbe ricevere altre informazioni sulle vaccinazioni consigliate per lei?',
        en: 'Would you like more information about the vaccinations recommended for you?',
        ar: 'هل تود الحصول على مزيد من المعلومات عن التطعيمات الموصى بها لك؟',
        zh: '您想进一步了解建议您接种的疫苗吗？',
        es: '¿Le gustaría recibir más información sobre las vacunas recomendadas para usted?',
      },
    },
  ],
}
