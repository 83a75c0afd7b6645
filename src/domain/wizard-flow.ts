/**
 * The wizard as data: questions in order, each asked only when it applies; answers live in the URL query,
 * and the outcome is derived from the answers alone. Pure and free of zod: shipped to the browser.
 * URL: `?v=1&r=teacher&t=shkola&p=max&gis=no&q=result` — v the flow version, q the step shown.
 */
import type { Role } from './roles.ts';
import type { InstitutionType } from './site-config.ts';
import type { PlatformKey, Situation } from './checklist.ts';

export const FLOW_VERSION = '1';

export type YesNo = 'yes' | 'no' | 'unknown';
export interface Answers {
  /** The institution's id from the settings, or OTHER_INSTITUTION. */
  institution?: string;
  role?: Role;
  type?: InstitutionType;
  platform?: PlatformKey | 'unknown';
  registered?: YesNo;
  gis?: YesNo;
}
export type QuestionId = keyof Answers;
export type Step = QuestionId | 'check' | 'result';

/** What the flow needs to know about the site and the roles. */
export interface FlowSettings {
  /** The institution type the site is configured for; null when it serves several. */
  type: InstitutionType | null;
  roles: readonly { id: Role; name: string; types: readonly InstitutionType[] }[];
  /** Where the institution's chats are, when the site's settings say: then the wizard does not ask (the reader may still change it). */
  platform?: PlatformKey;
  /** The institutions of a site that serves several: the flow asks which is yours. Absent or one: not asked. */
  institutions?: readonly { id: string; short: string; type: InstitutionType; platform?: PlatformKey }[];
}

/** The answer «my institution is not in the list»: the checklist then shows every institution's rules as models. */
export const OTHER_INSTITUTION = 'other';

export interface Option {
  value: string;
  label: string;
}
export interface Question {
  id: QuestionId;
  /** Query key: short and stable. */
  key: string;
  title: string;
  hint?: string;
  /** Error shown when nothing is chosen. */
  error: string;
  /** Short name on «Проверьте ответы». */
  summary: string;
  asked: (answers: Answers, settings: FlowSettings) => boolean;
  options: (answers: Answers, settings: FlowSettings) => Option[];
}

const YES_NO: Option[] = [
  { value: 'yes', label: 'Да' },
  { value: 'no', label: 'Нет' },
  { value: 'unknown', label: 'Не знаю' },
];
const TYPE_OPTIONS: Record<InstitutionType, Option> = {
  ДОУ: { value: 'dou', label: 'Детский сад (ДОУ)' },
  школа: { value: 'shkola', label: 'Школа' },
  СПО: { value: 'spo', label: 'Колледж или техникум (СПО)' },
};
const PLATFORM_VALUES: Record<NonNullable<Answers['platform']>, string> = { MAX: 'max', VK: 'vk', unknown: 'unknown' };

/** The chosen institution's type, else the one the site is configured for. */
function fixedType(answers: Answers, settings: FlowSettings): InstitutionType | null {
  return settings.institutions?.find((institution) => institution.id === answers.institution)?.type ?? settings.type;
}

function roleTypes(role: Role | undefined, answers: Answers, settings: FlowSettings): readonly InstitutionType[] {
  const types = settings.roles.find((r) => r.id === role)?.types ?? [];
  const fixed = fixedType(answers, settings);
  return fixed ? types.filter((type) => type === fixed) : types;
}

/** The institution type that follows from the settings, the institution or the role alone, without asking. */
function impliedType(answers: Answers, settings: FlowSettings): InstitutionType | undefined {
  const types = roleTypes(answers.role, answers, settings);
  return types.length === 1 ? types[0] : undefined;
}

export const QUESTIONS: readonly Question[] = [
  {
    id: 'institution',
    key: 'u',
    title: 'Ваше учреждение',
    hint: 'У каждого учреждения свой документ о «Сферуме»: чек-лист опирается на документ вашего учреждения.',
    error: 'Выберите своё учреждение или «Другое учреждение»',
    summary: 'Ваше учреждение',
    asked: (_, settings) => (settings.institutions?.length ?? 0) > 1,
    options: (_, settings) => [
      ...(settings.institutions ?? []).map((institution) => ({ value: institution.id, label: institution.short })),
      { value: OTHER_INSTITUTION, label: 'Другое учреждение, его нет в списке' },
    ],
  },
  {
    id: 'role',
    key: 'r',
    title: 'Кто вы?',
    hint: 'Выберите роль, в которой вы работаете с «Сферумом». Если ролей несколько, пройдите мастер для каждой.',
    error: 'Выберите, кто вы',
    summary: 'Роль',
    asked: () => true,
    options: (answers, settings) => settings.roles.filter((role) => roleTypes(role.id, answers, settings).length > 0).map((role) => ({ value: role.id, label: role.name })),
  },
  {
    id: 'type',
    key: 't',
    title: 'Где вы работаете или учитесь?',
    error: 'Выберите тип учреждения',
    summary: 'Учреждение',
    asked: (answers, settings) => !impliedType(answers, settings),
    options: (answers, settings) => roleTypes(answers.role, answers, settings).map((type) => TYPE_OPTIONS[type]),
  },
  {
    id: 'platform',
    key: 'p',
    title: 'Где сейчас чаты вашего учреждения?',
    hint: 'С 2025 года «Сферум» работает в мессенджере MAX; в некоторых регионах чаты ещё остаются в VK Мессенджере.',
    error: 'Выберите, где чаты, или ответьте «Не знаю»',
    summary: 'Где чаты',
    asked: () => true,
    options: () => [
      { value: 'max', label: 'В MAX' },
      { value: 'vk', label: 'В VK Мессенджере' },
      { value: 'unknown', label: 'Не знаю' },
    ],
  },
  {
    id: 'registered',
    key: 'reg',
    title: 'Учреждение уже зарегистрировано на платформе «Сферум»?',
    error: 'Ответьте, зарегистрировано ли учреждение, или выберите «Не знаю»',
    summary: 'Учреждение зарегистрировано',
    asked: (answers) => answers.role === 'admin',
    options: () => YES_NO,
  },
  {
    id: 'gis',
    key: 'gis',
    title: 'Чаты в вашем регионе создаёт региональная ГИС?',
    hint: 'Например, в Новосибирской области чаты создаются автоматически по данным ГИС «Электронная школа НСО».',
    error: 'Ответьте, создаёт ли чаты ГИС, или выберите «Не знаю»',
    summary: 'Чаты создаёт ГИС',
    asked: (answers, settings) =>
      (answers.role === 'class-teacher' || answers.role === 'teacher') && (answers.type ?? impliedType(answers, settings)) === 'школа',
    options: () => YES_NO,
  },
];

export const question = (id: QuestionId): Question => QUESTIONS.find((q) => q.id === id)!;

/** Raw answer values as they appear in the query and in the form. */
function valueOf(answers: Answers, id: QuestionId): string | undefined {
  if (id === 'type') return answers.type && TYPE_OPTIONS[answers.type].value;
  if (id === 'platform') return answers.platform && PLATFORM_VALUES[answers.platform];
  return answers[id];
}

function withValue(answers: Answers, id: QuestionId, value: string): Answers {
  if (id === 'type') return { ...answers, type: (Object.keys(TYPE_OPTIONS) as InstitutionType[]).find((type) => TYPE_OPTIONS[type].value === value) };
  if (id === 'platform') return { ...answers, platform: (Object.keys(PLATFORM_VALUES) as PlatformKey[]).find((p) => PLATFORM_VALUES[p] === value) };
  return { ...answers, [id]: value };
}

export interface Walk {
  /** Questions asked so far, in order; the last one is unanswered when `complete` is false. */
  path: QuestionId[];
  /** Questions on the path answered by the site's settings, not by the reader. */
  preset: QuestionId[];
  complete: boolean;
  /** The answers that count: those of asked questions, plus what follows from the settings. */
  answers: Answers;
}

/** The answer the site's settings give to a question, if any: the chosen institution's platform, else the site's. */
function presetValue(id: QuestionId, answers: Answers, settings: FlowSettings): string | undefined {
  if (id !== 'platform') return undefined;
  const chosen = settings.institutions?.find((institution) => institution.id === answers.institution);
  const platform = chosen ? chosen.platform : settings.platform;
  return platform && PLATFORM_VALUES[platform];
}

/** Replays the answers through the flow; answers to questions that are not asked are dropped. */
export function walk(given: Answers, settings: FlowSettings): Walk {
  const answers: Answers = {};
  const path: QuestionId[] = [];
  const preset: QuestionId[] = [];
  for (const q of QUESTIONS) {
    if (!q.asked(answers, settings)) continue;
    path.push(q.id);
    const chosen = valueOf(given, q.id);
    const value = chosen ?? presetValue(q.id, answers, settings);
    if (!value || !q.options(answers, settings).some((option) => option.value === value)) return { path, preset, complete: false, answers };
    if (!chosen) preset.push(q.id);
    Object.assign(answers, withValue({}, q.id, value));
  }
  return { path, preset, complete: true, answers: { ...answers, type: answers.type ?? impliedType(answers, settings) } };
}

/** Records one answer; returns the answers to keep (later ones stay when they still apply). */
export function answer(given: Answers, id: QuestionId, value: string, settings: FlowSettings): Answers | undefined {
  const before = walk(given, settings);
  const q = question(id);
  if (!before.path.includes(id) || !q.options(before.answers, settings).some((option) => option.value === value)) return undefined;
  return keepApplicable(withValue(given, id, value), settings);
}

/** The given answers minus those the flow no longer asks (e.g. after the role changed). */
function keepApplicable(given: Answers, settings: FlowSettings): Answers {
  const kept: Answers = {};
  for (const q of QUESTIONS) {
    const value = valueOf(given, q.id);
    if (value && q.asked(kept, settings) && q.options(kept, settings).some((option) => option.value === value)) Object.assign(kept, withValue({}, q.id, value));
  }
  return kept;
}

/** Which step to show: the requested one when it is reachable, else the first unanswered question, else the review. */
export function currentStep(given: Answers, requested: Step | undefined, settings: FlowSettings): Step {
  const { path, complete } = walk(given, settings);
  if (requested && requested !== 'check' && requested !== 'result' && path.includes(requested)) return requested;
  if (!complete) return path[path.length - 1];
  return requested === 'result' ? 'result' : 'check';
}

/** Where the Back link of a step leads, past the questions the settings answered; undefined on the first question. */
export function previousStep(step: Step, given: Answers, settings: FlowSettings): Step | undefined {
  const { path, preset } = walk(given, settings);
  if (step === 'result') return 'check';
  const asked = path.filter((id) => id === step || !preset.includes(id));
  if (step === 'check') return asked[asked.length - 1];
  const index = asked.indexOf(step);
  return index > 0 ? asked[index - 1] : undefined;
}

/** After answering: the first unanswered question, or the review. */
export function stepAfterAnswer(given: Answers, settings: FlowSettings): Step {
  return currentStep(given, 'check', settings);
}

export interface ParsedQuery {
  answers: Answers;
  step?: Step;
  /** Russian messages about values that could not be used. */
  problems: string[];
}

const STEPS: readonly Step[] = [...QUESTIONS.map((q) => q.id), 'check', 'result'];
const shown = (value: string) => `«${value.length > 40 ? `${value.slice(0, 40)}…` : value}»`;

/** Reads answers from a query string; unknown keys are ignored, wrong values reported and dropped. */
export function parseQuery(search: string, settings: FlowSettings): ParsedQuery {
  const params = new URLSearchParams(search);
  const problems: string[] = [];
  const version = params.get('v');
  const hasAnswers = QUESTIONS.some((q) => params.has(q.key));
  if (version !== null && version !== FLOW_VERSION && hasAnswers) {
    return { answers: {}, problems: ['Ссылка сделана для другой версии мастера, ответы из неё не подходят. Ответьте на вопросы заново.'] };
  }
  let answers: Answers = {};
  for (const q of QUESTIONS) {
    const value = params.get(q.key);
    if (value === null) continue;
    const { path, answers: sofar } = walk(answers, settings);
    if (!path.includes(q.id)) continue; // not asked in this flow (e.g. fixed by the site): ignored
    if (!q.options(sofar, settings).some((option) => option.value === value)) {
      problems.push(`В ссылке неизвестный ответ ${shown(value)} на вопрос «${q.title}» — ответьте на него заново.`);
      continue;
    }
    answers = withValue(answers, q.id, value);
  }
  const step = params.get('q');
  if (step !== null && !STEPS.includes(step as Step)) problems.push(`В ссылке неизвестный шаг ${shown(step)} — показан первый вопрос без ответа.`);
  const replayed = walk(answers, settings);
  // What the settings answered stays out of the reader's answers: the link keeps following the settings.
  const chosen: Answers = { ...replayed.answers };
  for (const id of replayed.preset) delete chosen[id];
  return { answers: chosen, step: STEPS.includes(step as Step) ? (step as Step) : undefined, problems };
}

/** The query for answers and a step: stable key order, only asked questions. */
export function toQuery(given: Answers, step: Step, settings: FlowSettings): string {
  const { path, preset, answers } = walk(given, settings);
  const params = new URLSearchParams({ v: FLOW_VERSION });
  for (const id of path) {
    const value = preset.includes(id) ? undefined : valueOf(answers, id);
    if (value) params.set(question(id).key, value);
  }
  params.set('q', step);
  return `?${params}`;
}

/** The chosen option's label, for «Проверьте ответы». */
export function answerLabel(given: Answers, id: QuestionId, settings: FlowSettings): string {
  const { answers } = walk(given, settings);
  const value = valueOf(answers, id);
  return question(id).options(answers, settings).find((option) => option.value === value)?.label ?? '';
}

export function formValue(given: Answers, id: QuestionId): string | undefined {
  return valueOf(given, id);
}

const SET: Record<YesNo, boolean[]> = { yes: [true], no: [false], unknown: [true, false] };

/** The situation the complete answers describe; unasked conditions take the ordinary case. */
export function situationOf(given: Answers, settings: FlowSettings): Situation | undefined {
  const { complete, answers } = walk(given, settings);
  if (!complete || !answers.role || !answers.type) return undefined;
  return {
    role: answers.role,
    types: [answers.type],
    platforms: answers.platform === 'MAX' || answers.platform === 'VK' ? [answers.platform] : ['MAX', 'VK'],
    registered: SET[answers.registered ?? 'no'],
    gis: SET[answers.gis ?? (answers.role === 'gis-staff' ? 'yes' : 'no')],
  };
}
