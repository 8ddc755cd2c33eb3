import type { Content } from './contents.js'
import { DEMO_CONTENT_IDS } from './demo-content-ids.js'

const languages = ['it', 'en', 'ar', 'zh', 'es']

/** Demo contents attached to the demo kit: a fresh install has QR codes and a working landing page. */
export const demoContents: readonly Content[] = [
  {
    id: DEMO_CONTENT_IDS.fluVaccine, version: 0, languages, defaultLanguage: 'it', platform: 'instagram', linkMode: 'tracked', topic: 'vaccine_flu',
    url: 'https://www.instagram.com/', publishedOn: '2026-10-15',
    title: { it: 'Vaccino antinfluenzale', en: 'Flu vaccine', ar: 'لقاح الإنفلونزا', zh: '流感疫苗', es: 'Vacuna contra la gripe' },
    message: {
      it: 'Proteggi te e chi ami: il vaccino antinfluenzale è gratuito per chi ha più di 60 anni.',
      en: 'Protect yourself and your loved ones: the flu vaccine is free for people over 60.',
      ar: 'احمِ نفسك ومن تحب: لقاح الإنفلونزا مجاني لمن تجاوزوا الستين من العمر.',
      zh: '保护自己和家人：60岁以上人士可免费接种流感疫苗。',
      es: 'Protéjase y proteja a los suyos: la vacuna contra la gripe es gratuita para mayores de 60 años.',
    },
  },
  {
    id: DEMO_CONTENT_IDS.screening, version: 0, languages, defaultLanguage: 'it', platform: 'youtube', linkMode: 'tracked', topic: 'screening_colorectal',
    url: 'https://www.youtube.com/', publishedOn: '2026-11-02',
    title: { it: 'Screening del colon-retto', en: 'Bowel cancer screening', ar: 'فحص سرطان القولون والمستقيم', zh: '结直肠癌筛查', es: 'Cribado de cáncer colorrectal' },
    message: {
      it: 'Tra i 50 e i 74 anni un semplice test gratuito ogni due anni può salvarti la vita.',
      en: 'Between 50 and 74, a simple free test every two years can save your life.',
      ar: 'بين سن 50 و74، يمكن لفحص بسيط ومجاني كل سنتين أن ينقذ حياتك.',
      zh: '50至74岁之间，每两年做一次简单的免费检测，可能挽救您的生命。',
      es: 'Entre los 50 y los 74 años, una sencilla prueba gratuita cada dos años puede salvarle la vida.',
    },
  },
  {
    id: DEMO_CONTENT_IDS.quitSmoking, version: 0, languages, defaultLanguage: 'it', platform: 'web', linkMode: 'tracked', topic: 'smoking',
    url: 'https://www.ats-milano.it/', publishedOn: '2026-11-20',
    title: { it: 'Smettere di fumare', en: 'Quit smoking', ar: 'الإقلاع عن التدخين', zh: '戒烟', es: 'Dejar de fumar' },
    message: {
      it: 'Non sei solo: i centri antifumo di ATS Milano ti aiutano a smettere, gratis.',
      en: 'You are not alone: the ATS Milano stop-smoking services help you quit, for free.',
      ar: 'لست وحدك: تساعدك مراكز الإقلاع عن التدخين التابعة لـ ATS ميلانو على الإقلاع مجانًا.',
      zh: '您并不孤单：ATS Milano 戒烟中心免费帮助您戒烟。',
      es: 'No está solo: los centros para dejar de fumar de ATS Milano le ayudan a dejarlo, gratis.',
    },
  },
]
