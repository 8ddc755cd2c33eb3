import { createApp } from 'vue'
import PhoneSurvey from './PhoneSurvey.vue'
import './phone.css'

// /s/<code>?lang=xx: the code names the event (its survey); the language comes from the landing page.
const code = location.pathname.split('/').filter(Boolean)[1] ?? ''
const askedLanguage = new URLSearchParams(location.search).get('lang')
createApp(PhoneSurvey, { code, askedLanguage }).mount('#app')
