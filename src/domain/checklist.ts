/**
 * Duties → a checklist for one situation. Pure and free of zod: the wizard island ships it to the browser.
 * The same function builds the static role pages (every variant) and the wizard's personal result (one variant).
 */
import { PHASES, PHASE_TITLES, type Phase, type Role } from './roles.ts';
import type { InstitutionType } from './site-config.ts';
import { dutiesFor, groundCitations, modelsNotice, type DocumentInfo, type Grounding } from './grounding.ts';

export type PlatformKey = 'MAX' | 'VK';
export const PLATFORM_NAMES: Record<PlatformKey, string> = { MAX: 'MAX', VK: 'VK Мессенджер' };
/** In a duty's platform notes: no source says how this works there, ask the administrator. */
export const ASK_ADMIN = 'ask-admin';

/** The platform's technical support (Порядок детского сада № 27, п. 4.2): where the administrator herself turns. */
export const SUPPORT_EMAIL = 'info@sferum.ru';

/**
 * Whom a role asks where no source says how a step works now: the institution's administrator, except the
 * administrator herself, who is sent to the platform's support instead of to herself. `step` closes a duty's
 * platform note (the contact itself is given once, under «Кого спросить»); `whom` opens that section.
 */
export function askAbout(role: Role): { step: string; whom: string } {
  return role === 'admin'
    ? { step: `Как этот шаг выполняется сейчас, источники не описывают: уточните в службе технической поддержки «Сферума» (${SUPPORT_EMAIL}).`, whom: 'Вопросы о работе платформы — в службу технической поддержки «Сферума»' }
    : { step: 'Как этот шаг выполняется сейчас, уточните у администратора платформы (контакты — в разделе «Кого спросить» ниже).', whom: 'С вопросами о регистрации и работе на платформе обращайтесь к администратору платформы в учреждении' };
}

/** A text split around e-mail addresses, so each address can become a link. */
export function withEmails(text: string): { text: string; email?: boolean }[] {
  return text.split(/([\w.+-]+@[\w-]+(?:\.[\w-]+)+)/).filter(Boolean).map((part) => (/@/.test(part) && !/\s/.test(part) ? { text: part, email: true } : { text: part }));
}

export interface ClauseLink {
  href: string;
  /** The document's slug. */
  doc: string;
  /** The clause's number in it: «п. 21.4, подп. 3». */
  clause: string;
  /** «Порядок техникума, п. 21.4, подп. 3»; on an institution's pages, grounded: «по нашему порядку, п. 21.4, подп. 3». */
  label: string;
}
export interface Fact {
  id: string;
  date: string;
  text: string;
  sources: string[];
}
/** A duty as the pages and the island see it: clause references already resolved to links. */
export interface DutyView {
  id: string;
  roles: Role[];
  types: InstitutionType[];
  phase: Phase;
  text: string;
  refs: ClauseLink[];
  when?: { registered?: boolean; gis?: boolean };
  platform?: Partial<Record<PlatformKey, string[]>>;
}

/** The values each condition may take in a situation: one when known, both when the person does not know. */
export interface Situation {
  role: Role;
  types: InstitutionType[];
  platforms: PlatformKey[];
  registered: boolean[];
  gis: boolean[];
}

export interface PlatformNote {
  platform: PlatformKey;
  facts: Fact[];
  askAdmin: boolean;
}
export interface ChecklistItem {
  id: string;
  text: string;
  refs: ClauseLink[];
  /** «Если учреждение ещё не зарегистрировано», «Для школ»: shown when the situation leaves the variant open. */
  conditions: string[];
  notes: PlatformNote[];
}
export interface ChecklistGroup {
  phase: Phase;
  title: string;
  items: ChecklistItem[];
}

export const CONDITION_TEXT = {
  registered: { true: 'Если учреждение уже зарегистрировано', false: 'Если учреждение ещё не зарегистрировано' },
  gis: { true: 'Если чаты создаёт региональная ГИС', false: 'Если чаты не создаёт региональная ГИС' },
} as const;
/** «Для школ»: the label of a variant that holds only for some institution types. */
export const TYPES_FOR: Record<InstitutionType, string> = { ДОУ: 'детских садов', школа: 'школ', СПО: 'колледжей и техникумов' };

function conditionsOf(duty: DutyView, situation: Situation): string[] | undefined {
  const labels: string[] = [];
  for (const key of ['registered', 'gis'] as const) {
    const wanted = duty.when?.[key];
    if (wanted === undefined) continue;
    if (!situation[key].includes(wanted)) return undefined;
    if (situation[key].length > 1) labels.push(CONDITION_TEXT[key][`${wanted}`]);
  }
  const types = situation.types.filter((type) => duty.types.includes(type));
  if (!types.length) return undefined;
  if (types.length < situation.types.length) labels.push(`Для ${types.map((type) => TYPES_FOR[type]).join(' и ')}`);
  return labels;
}

/** A duty's platform notes without the facts that no longer hold (absent from `facts`); «ask-admin» stays. */
export function currentNotes(platform: Partial<Record<PlatformKey, string[]>>, facts: readonly Fact[]): Partial<Record<PlatformKey, string[]>> {
  const known = new Set([ASK_ADMIN, ...facts.map((fact) => fact.id)]);
  return Object.fromEntries(
    Object.entries(platform).flatMap(([key, ids]) => {
      const kept = ids.filter((id) => known.has(id));
      return kept.length ? [[key, kept]] : [];
    }),
  );
}

/** The checklist for a situation, grouped by phase in order; empty phases are left out. */
export function buildChecklist(duties: readonly DutyView[], facts: ReadonlyMap<string, Fact>, situation: Situation): ChecklistGroup[] {
  const items = duties.flatMap((duty) => {
    if (!duty.roles.includes(situation.role)) return [];
    const conditions = conditionsOf(duty, situation);
    if (!conditions) return [];
    const notes = situation.platforms.flatMap((platform) => {
      const ids = duty.platform?.[platform];
      if (!ids) return [];
      const cited = ids.filter((id) => id !== ASK_ADMIN).map((id) => {
        const fact = facts.get(id);
        if (!fact) throw new Error(`обязанность «${duty.id}»: нет сведения о платформе «${id}»`);
        return fact;
      });
      return [{ platform, facts: cited, askAdmin: ids.includes(ASK_ADMIN) }];
    });
    return [{ phase: duty.phase, item: { id: duty.id, text: duty.text, refs: duty.refs, conditions, notes } }];
  });
  return PHASES.map((phase) => ({ phase, title: PHASE_TITLES[phase], items: items.filter((i) => i.phase === phase).map((i) => i.item) })).filter(
    (group) => group.items.length > 0,
  );
}

/** Every variant of a role: the static role page. */
export function fullSituation(role: Role, types: InstitutionType[]): Situation {
  return { role, types, platforms: ['MAX', 'VK'], registered: [true, false], gis: [true, false] };
}

/** The checklist as plain text: «Скопировать текстом». */
export function checklistText(title: string, groups: readonly ChecklistGroup[], done: ReadonlySet<string> = new Set()): string {
  const lines = [title];
  for (const group of groups) {
    lines.push('', group.title.toUpperCase());
    for (const item of group.items) {
      const prefix = item.conditions.length ? `${item.conditions.join('; ')}: ` : '';
      lines.push(`[${done.has(item.id) ? 'x' : ' '}] ${prefix}${item.text}`);
      lines.push(`    Основание: ${item.refs.map((ref) => ref.label).join('; ')}`);
    }
  }
  return lines.join('\n');
}

/** A role's checklist in an institution: what its own act states, and apart what only others' documents state. */
export interface GroundedChecklist {
  /** The own act's duties; when the institution has no own act, every duty, each citation naming its institution. */
  groups: ChecklistGroup[];
  /** Duties the own act does not state: the Ministry's recommendations and other institutions' rules, shown apart. */
  elsewhere: ChecklistGroup[];
  /** Said first on a page whose rules are all models from elsewhere. */
  notice?: string;
}

export function groundedChecklist(
  duties: readonly DutyView[],
  facts: ReadonlyMap<string, Fact>,
  situation: Situation,
  grounding: Grounding,
  documents: Readonly<Record<string, DocumentInfo>>,
): GroundedChecklist {
  const grounded = duties.map((duty) => ({ ...duty, refs: groundCitations(duty.refs, grounding, documents) }));
  const { listed, apart } = dutiesFor(grounded, grounding);
  const elsewhere = buildChecklist(apart, facts, situation).map((group) => ({ ...group, title: `${group.title}: в других учреждениях` }));
  return { groups: buildChecklist(listed, facts, situation), elsewhere, notice: modelsNotice(grounding) };
}
