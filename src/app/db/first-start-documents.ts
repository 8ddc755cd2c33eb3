// What only a first start writes (db/kits.ts): one lazy chunk, out of the first view's bundle.
export { demoContents } from '../../shared/demo-contents'
export { templateSurveys } from '../../shared/survey-templates'
