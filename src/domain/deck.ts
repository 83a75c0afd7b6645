/**
 * The «педагогический час» deck as data: which clauses, roles, facts and settings go on which slide.
 * Pages render it; the browser island only moves between the server-rendered slides.
 */
import { REFERENCE_PATHS, type ClauseRef } from './paths.ts';
import { dutyHeadline, splitRef, type Catalogue } from './duties.ts';
import { PHASES, PHASE_TITLES } from './roles.ts';
import { missingSetting, type Institution, type InstitutionType } from './site-config.ts';
import { CONDITION_TEXT } from './checklist.ts';
import type { BasisEntry } from './claims.ts';
import { PAGE_CLAIMS } from './page-claims.ts';

/** A clause quoted on a slide, optionally with some of its list items. */
export interface QuoteSpec extends ClauseRef {
  items?: string[];
}

/** A quote as a slide shows it: verbatim text, its citation and link. */
export interface DeckQuote {
  to: string;
  /** The citation as the institution's pages give it: «по нашему положению, п. 2.6», «Техникум, порядок, п. 21.4». */
  label: string;
  text: string;
  items: string[];
}

/** A role as the deck and the handouts show it: its duties grouped by phase. */
export interface DeckRole {
  /** The role page's slug: `roles/<id>/`, `pamyatki/<id>/`. */
  id: string;
  /** Heading of the role's page: «Родителям». */
  title: string;
  /** The role itself: «Родитель (законный представитель)». */
  name: string;
  summary: string;
  /** The source words the summary rests on (src/domain/claims.ts). */
  basis: BasisEntry[];
  /** Each duty with the conditions it holds under («Если чаты создаёт региональная ГИС»), as the role page labels it. */
  topics: { title: string; duties: DeckDuty[] }[];
}

/** A duty as a role slide may name it. */
export interface DeckDuty {
  id: string;
  text: string;
  refs: ClauseRef[];
  conditions: string[];
  /** The one other institution's act the duty rests on alone, named beside it as the role page's citations name it: «Техникум, порядок». */
  scope?: string;
}

export interface DatedFact {
  id: string;
  date: string;
  text: string;
  sources: string[];
}

export interface QrLink {
  label: string;
  url: string;
}

export type SlideBody =
  | { kind: 'title'; lines: string[] }
  | { kind: 'quotes'; quotes: DeckQuote[] }
  | { kind: 'role'; topics: RoleTopic[]; page: string }
  | { kind: 'notice'; text: string; page: string }
  | { kind: 'facts'; facts: DatedFact[] }
  | { kind: 'deadlines'; deadlines: { what: string; date: string }[]; missing?: string; contact: string[] }
  | { kind: 'qr'; links: QrLink[] };

/** A phase on a role slide: one task in words (the full list is on the role page), whose rule it is, and whether more follow. */
export interface RoleTopic {
  title: string;
  /** The duty named, by id (content/duties.json). */
  duty: string;
  task: string;
  scope?: string;
  more: boolean;
}

export interface Slide {
  /** Stable part of the slide's deep link. */
  id: string;
  title: string;
  body: SlideBody;
  /** What the presenter says: shown in the presenter view and the handout. */
  notes: string;
  /** The source words the notes rest on, where they state a rule (src/domain/claims.ts). */
  basis?: BasisEntry[];
}

export interface DeckInput {
  institution: Institution;
  roles: DeckRole[];
  facts: DatedFact[];
  /** The deck's QR codes: the parents' page and the teachers' wizard. */
  links: QrLink[];
  quote: (spec: QuoteSpec) => DeckQuote;
  /** Said on the title slide when the institution has no own act: the rules shown are other institutions' models. */
  modelsLine?: string;
  /** Formats an ISO date (or year and month) in words. */
  formatDate: (iso: string) => string;
  /** Where the institution's own pages are (`` or `uchrezhdeniya/<id>/`): the role slides link its role pages. */
  sectionPath?: string;
}

/**
 * Roles for «кто что делает» and the handouts, from the duty catalogue (content/duties.json), duties grouped by phase.
 * Given an institution type, only the roles and duties that hold for that type; given `scopeOf`, each duty resting on
 * one other institution's act alone names it (src/domain/grounding.ts, soleModelSource).
 */
export function deckRoles(
  { roles, duties }: Pick<Catalogue, 'roles' | 'duties'>,
  type?: InstitutionType,
  scopeOf: (refs: readonly ClauseRef[]) => string | undefined = () => undefined,
): DeckRole[] {
  const holds = (types: readonly InstitutionType[]) => type === undefined || types.includes(type);
  return roles.filter((role) => holds(role.types)).map((role) => ({
    id: role.slug,
    title: role.title,
    name: role.name,
    summary: role.summary,
    basis: role.basis,
    topics: PHASES.map((phase) => ({
      title: PHASE_TITLES[phase],
      duties: duties
        .filter((duty) => duty.phase === phase && duty.roles.includes(role.id) && holds(duty.types))
        .map((duty) => {
          const refs = duty.refs.map(splitRef);
          const conditions = (['registered', 'gis'] as const).flatMap((key) => {
            const wanted = duty.when?.[key];
            return wanted === undefined ? [] : [CONDITION_TEXT[key][`${wanted}`]];
          });
          const scope = scopeOf(refs);
          return { id: duty.id, text: duty.text, refs, conditions, ...(scope ? { scope } : {}) };
        }),
    })).filter((topic) => topic.duties.length > 0),
  }));
}

/** The duty a role slide names for a phase: the first that holds without a condition, else the first. */
export function phaseDuty(duties: readonly DeckDuty[]): DeckDuty {
  return duties.find((candidate) => candidate.conditions.length === 0) ?? duties[0];
}

/**
 * A phase's task on a role slide, in a few words: the first duty that holds without a condition, else the first with
 * the condition it holds under (labelled as the role page labels it), so the hall is not told as a rule what applies only sometimes.
 */
export function phaseTask(duties: readonly DeckDuty[]): string {
  const duty = phaseDuty(duties);
  const task = dutyHeadline(duty.text);
  if (!duty.conditions.length) return task;
  const lowered = /^\p{Lu}\p{Ll}/u.test(task) ? task[0].toLowerCase() + task.slice(1) : task;
  return `${duty.conditions.join('; ')}: ${lowered}`;
}

/** Three dated facts fit a 1280×720 slide in large type; four no longer do once facts carry their sources. */
const FACTS_PER_SLIDE = 3;

function chunks<T>(list: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, i * size + size));
}

/** The administrator's contact lines, with placeholders for what is not configured. */
export function contactLines(institution: Institution): string[] {
  const { name, position, phone, email, hours } = institution.admin;
  return [
    position ? `${name}, ${position}` : name,
    `Телефон: ${phone ?? missingSetting('admin.phone', 'телефон администратора')}`,
    `Эл. почта: ${email ?? missingSetting('admin.email', 'почта администратора')}`,
    ...(hours ? [`Когда: ${hours}`] : []),
  ];
}

/** Every slide of the deck, in order. */
export function buildDeck({ institution, roles, facts, links, quote, modelsLine, formatDate, sectionPath = '' }: DeckInput): Slide[] {
  const quotes = (...specs: QuoteSpec[]): SlideBody => ({ kind: 'quotes', quotes: specs.map(quote) });
  // Changes with a date; the VK-era help notes («2022–2025») are practical tips, not changes.
  const byDate = facts.filter((fact) => /^\d{4}-\d{2}(-\d{2})?$/.test(fact.date)).sort((a, b) => a.date.localeCompare(b.date));
  const factSlides = chunks(byDate, FACTS_PER_SLIDE);
  const deadlines = institution.deadlines ?? [];
  return [
    {
      id: 'nachalo',
      title: `«Сферум» в учреждении «${institution.short}»`,
      body: { kind: 'title', lines: ['Педагогический час', institution.name, `Ведёт: ${institution.admin.name}`, ...(modelsLine ? [modelsLine] : [])] },
      notes: 'В детском саду №\u00a0111 приказ №\u00a0141-од поручил ответственному за платформу провести педагогический час (п.\u00a04.3), а педагогам\u00a0— довести вопросы взаимодействия до родителей (п.\u00a05.2).',
      basis: [
        { ref: 'orenburg-dou-111#p-4-3', quote: 'Организовать Педагогический час и разъяснить участникам особенности использования ИКОП «Сферум»' },
        { ref: 'orenburg-dou-111#p-5-2', quote: 'Довести до сведения родителей (законных представителей) обучающихся (воспитанников) вопросы взаимодействия через ИКОП «Сферум»' },
      ],
    },
    {
      id: 'zachem',
      title: 'Зачем: ограничение иностранных мессенджеров',
      body: quotes({ doc: 'orenburg-dou-111', anchor: 'p-1' }),
      notes: 'Приказ детского сада №\u00a0111 ограничивает применение работниками иностранных мессенджеров в образовательной переписке. Цитата дословная, опечатка «Discjrd»\u00a0— как в источнике.',
      basis: [{ ref: 'orenburg-dou-111#p-1', quote: 'Ограничить в МДОАУ №111 применение работниками иностранных мессенджеров' }],
    },
    {
      id: 'otechestvennoe-po',
      title: 'Зачем: отечественное программное обеспечение',
      body: quotes({ doc: 'tekhnikum', anchor: 'p-8', items: ['p-8-1', 'p-8-2', 'p-8-3', 'p-8-4', 'p-8-5', 'p-8-6', 'p-8-7', 'p-8-8', 'p-8-9'] }),
      notes: 'Порядок техникума передаёт рекомендацию Роскомнадзора использовать преимущественно отечественное программное обеспечение и перечень запрещённых сервисов с сайта Роскомнадзора; собственного запрета порядок не вводит.',
      basis: [
        { ref: 'tekhnikum#p-8', quote: 'Роскомнадзором рекомендовано организациям, осуществляющим образовательную деятельность, использовать преимущественно отечественное программное обеспечение' },
        { ref: 'tekhnikum#p-8', quote: 'Перечень запрещенных информационных систем и сервисов опубликован на официальном сайте Роскомнадзора' },
      ],
    },
    {
      id: 'chto-takoe',
      title: 'Что такое «Сферум»',
      body: quotes({ doc: 'minprosveshcheniya-04-423', anchor: 'p-1-abz-1' }),
      notes: 'Определение из методических рекомендаций Минпросвещения России (письмо №\u00a004-423). Главное: единая среда общения всех участников, вспомогательный инструмент.',
      basis: [
        { ref: 'minprosveshcheniya-04-423#p-1-abz-1', quote: 'Основное назначение ИКОП Сферум - формирование единой среды коммуникаций для всех участников образовательных отношений' },
        { ref: 'minprosveshcheniya-04-423#p-1-abz-1', quote: 'ИКОП Сферум является вспомогательным инструментом взаимодействия учителей и обучающихся' },
      ],
    },
    {
      id: 'zakrytoe-prostranstvo',
      title: 'Закрытое пространство учреждения',
      body: quotes({ doc: 'minprosveshcheniya-04-423', anchor: 'p-2-abz-1' }, { doc: 'minprosveshcheniya-04-423', anchor: 'p-2-abz-3' }),
      notes: 'Частый вопрос родителей: увидят ли мою страницу во «ВКонтакте»? Нет: участники не могут переходить на страницы друг друга.',
      basis: [{ ref: 'minprosveshcheniya-04-423#p-2-abz-3', quote: 'пользователи платформы не могут переходить на страницы ВКонтакте друг друга' }],
    },
    // The role pages' MAX notice, once before the roles: their tasks come from documents of the VK Мессенджер years.
    {
      id: 'dokumenty-i-max',
      title: 'Документы и MAX',
      body: { kind: 'notice', text: PAGE_CLAIMS.platformMove.text, page: REFERENCE_PATHS.changes },
      notes: 'Задачи ролей на следующих слайдах взяты из документов, написанных для VK Мессенджера. Как всё устроено в MAX, документы не описывают: что известно, с датами и источниками,\u00a0— на странице сайта «Что изменилось».',
      basis: PAGE_CLAIMS.platformMove.basis,
    },
    ...roles.map((role) => ({
      id: `rol-${role.id}`,
      title: `Кто что делает: ${role.name}`,
      body: {
        kind: 'role' as const,
        // The phase's first task in words, not a count: the full list is on the role's page.
        topics: role.topics.map((topic) => {
          const { id, scope } = phaseDuty(topic.duties);
          return { title: topic.title, duty: id, task: phaseTask(topic.duties), ...(scope ? { scope } : {}), more: topic.duties.length > 1 };
        }),
        page: `${sectionPath}roles/${role.id}/`,
      },
      notes: `${role.summary} Подробнее — на странице роли на сайте и в памятке для печати.`,
      basis: role.basis,
    })),
    {
      id: 'kanaly-i-chaty',
      title: 'Каналы учреждения и чаты класса',
      body: quotes(
        { doc: 'kerch-shkola-12', anchor: 'p-2-1-13' },
        { doc: 'kerch-shkola-12', anchor: 'p-2-3-3', items: ['p-2-3-3-1', 'p-2-3-3-2', 'p-2-3-3-3', 'p-2-3-3-4'] },
      ),
      notes: 'В положении школы №\u00a012 системные каналы ведёт администратор, а чаты класса создаёт классный руководитель.',
      basis: [
        { ref: 'kerch-shkola-12#p-2-1-13', quote: 'ведет, размещает информацию, развивает системные каналы образовательной организации' },
        { ref: 'kerch-shkola-12#p-2-3-3', quote: 'создает чаты с участниками образовательных отношений' },
      ],
    },
    {
      id: 'upravlencheskie-chaty',
      title: 'Управленческие чаты',
      body: quotes({ doc: 'novosibirsk-sosh-215', anchor: 'p-1-5', items: ['p-1-5-1', 'p-1-5-2', 'p-1-5-3', 'p-1-5-4', 'p-1-5-5'] }),
      notes: 'В СОШ №\u00a0215 руководитель обеспечивает общение в чатах для управленческих задач.',
      basis: [{ ref: 'novosibirsk-sosh-215#p-1-5', quote: 'обеспечивает коммуникационное взаимодействие' }],
    },
    {
      id: 'pravila-obshcheniya',
      title: 'Правила общения в чате (1/2)',
      body: quotes({ doc: 'tekhnikum', anchor: 'p-21-4', items: ['p-21-4-1', 'p-21-4-2', 'p-21-4-3'] }),
      notes: 'В техникуме педагог\u00a0— модератор чата: знакомит участников с правилами до того, как добавит их в чат.',
      basis: [
        { ref: 'tekhnikum#p-21-4-2', quote: 'педагог Техникума будет являться модератором данного чата' },
        { ref: 'tekhnikum#p-21-4-3', quote: 'Прежде чем включить обучающегося, его родителя (законного представителя), а также работника Техникума в групповой чат, модератор знакомит их с правилами общения в чате' },
      ],
    },
    {
      id: 'pravila-moderatora',
      title: 'Правила общения в чате (2/2)',
      body: quotes({ doc: 'tekhnikum', anchor: 'p-21-4', items: ['p-21-4-4', 'p-21-4-5', 'p-21-4-6', 'p-21-4-7'] }),
      notes: 'В техникуме: если участник нарушает правила общения, модератор вправе ограничить ему доступ к чату; удалять участников по личным причинам модератор не вправе.',
      basis: [
        { ref: 'tekhnikum#p-21-4', quote: 'В случае несоблюдения пользователем требований общения в чате модератор имеет право ограничить доступ данного пользователя к групповому чату' },
        { ref: 'tekhnikum#p-21-4', quote: 'Модератор чата не вправе удалять или блокировать участников чата по причинам, не связанным с правилами общения в нем' },
      ],
    },
    {
      id: 'pomoshch',
      title: 'Где получить помощь',
      body: quotes({ doc: 'minprosveshcheniya-04-423', anchor: 'p-4-abz-18' }, { doc: 'arsenev-dou-27', anchor: 'p-4-2' }),
      notes: `Первым делом\u00a0— к администратору платформы в учреждении: ${institution.admin.name}.`,
      basis: [{ ref: 'minprosveshcheniya-04-423#p-4-abz-18', quote: 'По всем вопросам регистрации и использования ИКОП Сферум в образовательной организации необходимо обратиться к администратору' }],
    },
    ...factSlides.map((group, i) => ({
      id: `2025-${i + 1}`,
      title: `Что изменилось с 2025 года${factSlides.length > 1 ? ` (${i + 1}/${factSlides.length})` : ''}`,
      body: { kind: 'facts' as const, facts: group.map((fact) => ({ ...fact, date: formatDate(fact.date) })) },
      notes: 'Документы написаны для VK Мессенджера; в 2025 году «Сферум» перешёл в MAX. У каждого факта — дата и источник; экраны MAX в документах не описаны.',
      basis: [{ fact: 'max-integration-complete', quote: 'Интеграцию «Сферума» в MAX объявили завершённой' }],
    })),
    {
      id: 'sroki-i-kontakty',
      title: 'Наши сроки и контакты',
      body: {
        kind: 'deadlines',
        deadlines: deadlines.map(({ what, date }) => ({ what, date: formatDate(date) })),
        missing: deadlines.length ? undefined : missingSetting('deadlines', 'сроки подключения учреждения'),
        contact: contactLines(institution),
      },
      notes: 'Сроки и контакты взяты из настроек сайта (content/site.json).',
    },
    {
      id: 'qr',
      title: 'Ссылки для родителей и педагогов',
      body: { kind: 'qr', links },
      notes: 'Покажите QR-коды: родителям — страница с инструкцией, педагогам — их обязанности по шагам.',
    },
  ];
}
