import type { Question, SurveyContent } from '../surveys.js'

type Texts = Record<'it' | 'en' | 'ar' | 'zh' | 'es', string>

/** One "will you do it?" item per topic; the visitor first says which topic they talked about. */
const intentions: [value: string, topic: Texts, intention: Texts][] = [
  ['screening',
    { it: 'Screening oncologici', en: 'Cancer screening', ar: 'الفحوصات المبكرة للسرطان', zh: '癌症筛查', es: 'Cribados de cáncer' },
    { it: 'Nei prossimi mesi, quanto è probabile che prenoti o faccia lo screening a cui è invitato/a?', en: 'In the coming months, how likely are you to book or attend the screening you are invited to?', ar: 'في الأشهر القادمة، ما مدى احتمال أن تحجز موعدًا للفحص الذي دُعيت إليه أو أن تجريه؟', zh: '在接下来的几个月里，您预约或参加受邀筛查的可能性有多大？', es: 'En los próximos meses, ¿qué probabilidad hay de que pida cita o se haga el cribado al que le han invitado?' }],
  ['vaccination',
    { it: 'Vaccinazioni', en: 'Vaccinations', ar: 'التطعيمات', zh: '疫苗接种', es: 'Vacunas' },
    { it: 'Quanto è probabile che parli con il suo medico delle vaccinazioni consigliate per lei?', en: 'How likely are you to talk to your doctor about the vaccinations recommended for you?', ar: 'ما مدى احتمال أن تتحدث مع طبيبك عن التطعيمات الموصى بها لك؟', zh: '您与医生谈论建议您接种的疫苗的可能性有多大？', es: '¿Qué probabilidad hay de que hable con su médico sobre las vacunas recomendadas para usted?' }],
  ['smoking',
    { it: 'Fumo', en: 'Smoking', ar: 'التدخين', zh: '吸烟', es: 'Tabaco' },
    { it: 'Se fuma, quanto è probabile che provi a smettere o a fumare di meno nel prossimo mese?', en: 'If you smoke, how likely are you to try to quit or cut down in the next month?', ar: 'إذا كنت تدخن، فما مدى احتمال أن تحاول الإقلاع عن التدخين أو التقليل منه خلال الشهر القادم؟', zh: '如果您吸烟，您在下个月尝试戒烟或少抽烟的可能性有多大？', es: 'Si fuma, ¿qué probabilidad hay de que intente dejarlo o fumar menos el próximo mes?' }],
  ['alcohol',
    { it: 'Alcol', en: 'Alcohol', ar: 'الكحول', zh: '饮酒', es: 'Alcohol' },
    { it: 'Quanto è probabile che beva meno alcol nel prossimo mese?', en: 'How likely are you to drink less alcohol in the next month?', ar: 'ما مدى احتمال أن تقلل من شرب الكحول خلال الشهر القادم؟', zh: '您在下个月少喝酒的可能性有多大？', es: '¿Qué probabilidad hay de que beba menos alcohol el próximo mes?' }],
  ['nutrition',
    { it: 'Alimentazione', en: 'Healthy eating', ar: 'التغذية الصحية', zh: '健康饮食', es: 'Alimentación' },
    { it: 'Quanto è probabile che mangi più frutta e verdura ogni giorno?', en: 'How likely are you to eat more fruit and vegetables every day?', ar: 'ما مدى احتمال أن تتناول المزيد من الفواكه والخضراوات كل يوم؟', zh: '您每天多吃水果和蔬菜的可能性有多大？', es: '¿Qué probabilidad hay de que coma más fruta y verdura cada día?' }],
  ['physical_activity',
    { it: 'Attività fisica', en: 'Physical activity', ar: 'النشاط البدني', zh: '体育锻炼', es: 'Actividad física' },
    { it: 'Quanto è probabile che cammini o si muova almeno 30 minuti al giorno?', en: 'How likely are you to walk or be active for at least 30 minutes a day?', ar: 'ما مدى احتمال أن تمشي أو تمارس نشاطًا بدنيًا لمدة 30 دقيقة على الأقل يوميًا؟', zh: '您每天步行或活动至少30分钟的可能性有多大？', es: '¿Qué probabilidad hay de que camine o se mueva al menos 30 minutos al día?' }],
]

export const topicIntention: SurveyContent = {
  name: 'Intenzione di cambiamento per tema',
  languages: ['it', 'en', 'ar', 'zh', 'es'],
  defaultLanguage: 'it',
  title: {
    it: 'Dopo la visita allo stand',
    en: 'After your visit to the stand',
    ar: 'بعد زيارتك للجناح',
    zh: '参观展位之后',
    es: 'Después de su visita al stand',
  },
  questions: [
    {
      id: 'topic',
      type: 'single_choice',
      required: true,
      text: {
        it: 'Di quale tema ha parlato oggi con noi?',
        en: 'Which topic did you talk about with us today?',
        ar: 'ما الموضوع الذي تحدثت عنه معنا اليوم؟',
        zh: '您今天和我们谈了哪个话题？',
        es: '¿De qué tema ha hablado hoy con nosotros?',
      },
      options: intentions.map(([value, label]) => ({ value, label })),
    },
    ...intentions.map(([value, , text]): Question => ({
      id: `intention_${value}`,
      type: 'likert_5',
      scale: 'likelihood',
      required: true,
      text,
      showIf: { questionId: 'topic', anyOf: [value] },
    })),
  ],
}
