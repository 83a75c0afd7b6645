/**
 * «Проект положения»: an institution's own act assembled from clauses of the published model acts.
 * Every clause is kept word for word; the only changes are marked substitutions of the model institution's
 * name (by the institution's short name) and of the platform name (VK Мессенджер → MAX). Pure and free of zod:
 * the draft page's island ships it to the browser.
 */
import type { Role } from './roles.ts';
import { INSTITUTION_TYPES, TYPE_SLUGS, typeBySlug, type InstitutionType } from './institution-types.ts';

/** A paragraph of a model clause: the clause's own text (depth 0), an item (1) or a nested item (2). */
export interface SourceParagraph {
  depth: number;
  text: string;
}
export interface SourceClause {
  doc: string;
  anchor: string;
  /** «п. 2.1» */
  label: string;
  paragraphs: SourceParagraph[];
}
export interface DraftModel {
  type: InstitutionType;
  /** The model's short title, for the source table: «Положение школы № 12 (Керчь)». */
  document: string;
  /** The model's full title, verbatim. */
  title: string;
  /** How the model names its own institution in its text, and which of the institution's names replaces those words. */
  names: Record<string, 'name' | 'short'>;
}
/** One model's wording of a draft section: its clauses in order and the heading the model gives them. */
export interface SectionOption {
  doc: string;
  clauses: string[];
  /** The model's own heading of the section those clauses stand in, verbatim, if it has one. */
  heading?: string;
}
export interface SourceSection {
  id: string;
  /** What the form calls the section. */
  title: string;
  /** Plain sections: the models' wordings. Role sections: per role. */
  options?: SectionOption[];
  roles?: Partial<Record<Role, SectionOption[]>>;
}
/** Everything a draft is assembled from, prepared at build time (src/draft.ts). */
export interface DraftSource {
  models: Record<string, DraftModel>;
  platformNames: string[];
  sections: SourceSection[];
  /** `doc#anchor` → the clause. */
  clauses: Record<string, SourceClause>;
  roles: { id: Role; name: string; types: InstitutionType[] }[];
}

export type DraftPlatform = 'MAX' | 'VK';
export interface DraftOptions {
  type: InstitutionType;
  platform: DraftPlatform;
  /** Chats are created by a regional ГИС. */
  gis: boolean;
  name: string;
  short: string;
  roles: Role[];
  sections: string[];
  /** Chosen model per block: a section id, or `role-<role>`. */
  models: Record<string, string>;
}

/** A run of text: as in the model, or a marked substitution (`was` is the model's words). */
export interface Piece {
  text: string;
  was?: string;
  kind?: 'name' | 'platform';
}
export interface DraftParagraph {
  depth: number;
  pieces: Piece[];
}
export interface DraftClause {
  number: string;
  doc: string;
  anchor: string;
  /** «Положение школы № 12 (Керчь), п. 2.1» */
  source: string;
  paragraphs: DraftParagraph[];
  /** Review notes shown beside the clause (never inside it). */
  notes: string[];
}
export interface DraftSection {
  number: string;
  heading: Piece[];
  /** Where the heading comes from: «Положение школы № 12 (Керчь), разд. 1». */
  headingSource: string;
  clauses: DraftClause[];
}
export interface Draft {
  title: Piece[];
  titleSource: string;
  name: string;
  short: string;
  sections: DraftSection[];
  substitutions: number;
}

export const NAME_PLACEHOLDER = '[полное наименование учреждения]';
export const SHORT_PLACEHOLDER = '[краткое наименование учреждения]';
export const VK_NOTE = 'В источнике — VK Мессенджер; проверьте, как это устроено сейчас.';
const GIS_NOTE = 'Пункт образца говорит о региональной ГИС Новосибирской области; проверьте, как чаты создаёт ГИС вашего региона.';
/** A word mixing Cyrillic and Latin letters (tried from word starts only: the same match, without rescanning every word from each letter). */
const MIXED_SCRIPT_WORD = /(?<!\p{L})\p{L}*(?:\p{Script=Cyrillic}\p{Script=Latin}|\p{Script=Latin}\p{Script=Cyrillic})\p{L}*/u;
const MAX_NAME_LENGTH = 300;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s');

/**
 * A substitution, compiled once: splits a text into pieces, replacing each of `patterns` (whole words, longest
 * first; a space in them matches any space) by its replacement.
 */
export function substitution(patterns: readonly { words: string; by: string; kind: Piece['kind'] }[]): (text: string) => Piece[] {
  if (!patterns.length) return (text) => [{ text }];
  const sorted = [...patterns]
    .sort((a, b) => b.words.length - a.words.length)
    .map((pattern) => ({ ...pattern, whole: new RegExp(`^${escapeRegExp(pattern.words)}$`, 'u') }));
  const matcher = new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.map((p) => escapeRegExp(p.words)).join('|')})(?![\\p{L}])`, 'gu');
  return (text) => {
    const pieces: Piece[] = [];
    let cursor = 0;
    for (const match of text.matchAll(matcher)) {
      const pattern = sorted.find((p) => p.whole.test(match[0]))!;
      if (match.index > cursor) pieces.push({ text: text.slice(cursor, match.index) });
      pieces.push({ text: pattern.by, was: match[0], kind: pattern.kind });
      cursor = match.index + match[0].length;
    }
    if (cursor < text.length) pieces.push({ text: text.slice(cursor) });
    return pieces;
  };
}

/** «1.2.» → «п. 1.2», as the source table cites a clause of the draft. */
export function clauseLabel(number: string): string {
  return `п.\u00a0${number.replace(/\.$/, '')}`;
}

/** The substitutions in a clause for the source table: «Техникума» → «Школа № 5»; «—» when there are none. */
export function clauseChanges(clause: DraftClause): string {
  const replaced = clause.paragraphs.flatMap((paragraph) => paragraph.pieces.filter((piece) => piece.was !== undefined));
  return [...new Set(replaced.map((piece) => `«${piece.was}» → «${piece.text}»`))].join('; ') || '—';
}

/** The model's words back: a substitution reverted. What the tests compare with the source. */
export function modelText(pieces: readonly Piece[]): string {
  return pieces.map((piece) => piece.was ?? piece.text).join('');
}
export function draftText(pieces: readonly Piece[]): string {
  return pieces.map((piece) => piece.text).join('');
}

const mentionsGis = (source: DraftSource, option: SectionOption) =>
  option.clauses.some((key) => source.clauses[key]?.paragraphs.some((paragraph) => /ГИС/.test(paragraph.text)));

/** The wordings a block may use: models that speak of a regional ГИС only where chats are created by one. */
export function availableOptions(source: DraftSource, options: readonly SectionOption[], gis: boolean): SectionOption[] {
  return options.filter((option) => gis || !mentionsGis(source, option));
}

/** The default wording: a ГИС model where there is a ГИС, else a model of the institution's type, else the first. */
export function defaultOption(source: DraftSource, options: readonly SectionOption[], draft: Pick<DraftOptions, 'type' | 'gis'>): SectionOption | undefined {
  return (
    (draft.gis ? options.find((option) => mentionsGis(source, option)) : undefined) ??
    options.find((option) => source.models[option.doc]?.type === draft.type) ??
    options[0]
  );
}

/** Whether a regional ГИС creating chats concerns this type of institution (the catalogue's ГИС role says for which). */
export function gisApplies(source: Pick<DraftSource, 'roles'>, type: InstitutionType): boolean {
  return source.roles.some((role) => role.id === 'gis-staff' && role.types.includes(type));
}

/** Roles of the institution's type, in the catalogue's order. */
export function rolesFor(source: DraftSource, type: InstitutionType): Role[] {
  return source.roles.filter((role) => role.types.includes(type) && source.sections.some((section) => section.roles?.[role.id])).map((role) => role.id);
}

export interface DraftBlock {
  /** A section id, or `role-<role>`. */
  key: string;
  label: string;
  options: SectionOption[];
  chosen: SectionOption;
}

/** Every block of the draft in order with the wording chosen for it (what the form offers). */
export function draftBlocks(source: DraftSource, answers: DraftOptions): { section: SourceSection; blocks: DraftBlock[] }[] {
  const draft = { ...answers, gis: answers.gis && gisApplies(source, answers.type) };
  const block = (key: string, label: string, all: readonly SectionOption[]): DraftBlock | undefined => {
    const options = availableOptions(source, all, draft.gis);
    const chosen = options.find((option) => option.doc === draft.models[key]) ?? defaultOption(source, options, draft);
    return chosen && { key, label, options, chosen };
  };
  return source.sections
    .filter((section) => draft.sections.includes(section.id))
    .map((section) => {
      const blocks = section.roles
        ? source.roles
            .filter((role) => draft.roles.includes(role.id) && role.types.includes(draft.type) && section.roles?.[role.id])
            .map((role) => block(`role-${role.id}`, role.name, section.roles![role.id]!))
        : [block(section.id, section.title, section.options ?? [])];
      return { section, blocks: blocks.filter((b): b is DraftBlock => Boolean(b)) };
    })
    .filter(({ blocks }) => blocks.length);
}

function clauseNotes(clause: SourceClause): string[] {
  const text = clause.paragraphs.map((paragraph) => paragraph.text).join(' ');
  const notes: string[] = [];
  if (/VK|ВКонтакте/i.test(text)) notes.push(VK_NOTE);
  if (/ГИС/.test(text)) notes.push(GIS_NOTE);
  const mixed = MIXED_SCRIPT_WORD.exec(text);
  if (mixed) notes.push(`В образце слово «${mixed[0]}» набрано частично латиницей; наберите его заново кириллицей.`);
  return notes;
}

/** Assembles the draft: sections and clauses renumbered, texts verbatim but for marked substitutions. */
export function assembleDraft(source: DraftSource, draft: DraftOptions): Draft {
  const short = draft.short.trim() || SHORT_PLACEHOLDER;
  const name = draft.name.trim() || NAME_PLACEHOLDER;
  const platformPatterns = draft.platform === 'MAX' ? source.platformNames.map((words) => ({ words, by: 'MAX', kind: 'platform' as const })) : [];
  const patternsOf = (doc: string) => [
    ...Object.entries(source.models[doc]?.names ?? {}).map(([words, by]) => ({ words, by: by === 'name' ? name : short, kind: 'name' as const })),
    ...platformPatterns,
  ];
  const documentOf = (doc: string) => source.models[doc]?.document ?? doc;
  let substitutions = 0;
  const compiled = new Map<string, (text: string) => Piece[]>();
  /** A model's text with the names (and the platform) replaced, its substitutions counted. */
  const substituted = (doc: string, text: string) => {
    let substitute = compiled.get(doc);
    if (!substitute) compiled.set(doc, (substitute = substitution(patternsOf(doc))));
    const pieces = substitute(text);
    substitutions += pieces.filter((piece) => piece.was !== undefined).length;
    return pieces;
  };

  const groups = draftBlocks(source, draft);
  const sections: DraftSection[] = groups.map(({ section, blocks }, sectionIndex) => {
    const number = `${sectionIndex + 1}.`;
    const headed = [...blocks.map((b) => b.chosen), ...(section.options ?? [])].find((option) => option.heading);
    const clauses = blocks
      .flatMap((b) => b.chosen.clauses)
      .map((key, clauseIndex): DraftClause => {
        const clause = source.clauses[key];
        return {
          number: `${sectionIndex + 1}.${clauseIndex + 1}.`,
          doc: clause.doc,
          anchor: clause.anchor,
          source: `${documentOf(clause.doc)}, ${clause.label}`,
          paragraphs: clause.paragraphs
            .filter((paragraph) => paragraph.text.trim())
            .map((paragraph) => ({ depth: paragraph.depth, pieces: substituted(clause.doc, paragraph.text) })),
          notes: clauseNotes(clause),
        };
      });
    return {
      number,
      heading: headed?.heading ? substituted(headed.doc, headed.heading) : [{ text: section.title }],
      headingSource: headed?.heading ? `${documentOf(headed.doc)}, заголовок раздела` : 'название раздела в форме сайта',
      clauses,
    };
  });

  const titleDoc = groups[0]?.blocks[0]?.chosen.doc ?? Object.keys(source.models)[0];
  return {
    title: substituted(titleDoc, source.models[titleDoc].title),
    titleSource: `${documentOf(titleDoc)}, заголовок`,
    name,
    short,
    sections,
    substitutions,
  };
}

// --- The form's answers in the URL: ?type=shkola&platform=max&gis=1&name=…&short=…&roles=admin.head&sections=…&models=general:kerch-shkola-12

export interface ParsedOptions {
  options: DraftOptions;
  /** What was wrong in the URL, in Russian; the wrong value was replaced by the default. */
  problems: string[];
}

export function defaultOptions(source: DraftSource, settings: { type: InstitutionType | null; platform: DraftPlatform | null; name: string; short: string }): DraftOptions {
  const type = settings.type ?? 'школа';
  return {
    type,
    platform: settings.platform ?? 'MAX',
    gis: false,
    name: settings.name,
    short: settings.short,
    roles: rolesFor(source, type),
    sections: source.sections.map((section) => section.id),
    models: {},
  };
}

const list = (value: string | null) => (value ? value.split('.').filter(Boolean) : []);

export function parseOptions(query: string, source: DraftSource, defaults: DraftOptions): ParsedOptions {
  const params = new URLSearchParams(query);
  const problems: string[] = [];
  const options: DraftOptions = { ...defaults, models: {} };
  const typeSlug = params.get('type');
  if (typeSlug !== null) {
    const type = typeBySlug(typeSlug);
    if (type) {
      options.type = type;
      options.roles = rolesFor(source, type);
    } else problems.push(`Тип учреждения «${typeSlug}» не известен; показан проект для типа «${defaults.type}».`);
  }
  const platform = params.get('platform');
  if (platform !== null) {
    if (platform === 'max' || platform === 'vk') options.platform = platform === 'max' ? 'MAX' : 'VK';
    else problems.push(`Платформа «${platform}» не известна; выбрана ${defaults.platform === 'MAX' ? 'MAX' : 'VK Мессенджер'}.`);
  }
  const gis = params.get('gis');
  if (gis !== null) {
    if (gis === '1' || gis === '0') options.gis = gis === '1';
    else problems.push('Ответ про региональную ГИС в адресе не распознан; выбрано «нет».');
  }
  for (const key of ['name', 'short'] as const) {
    const value = params.get(key);
    if (value !== null) {
      if (value.length > MAX_NAME_LENGTH) problems.push(`Название длиннее ${MAX_NAME_LENGTH} знаков обрезано.`);
      options[key] = value.slice(0, MAX_NAME_LENGTH);
    }
  }
  if (params.has('roles')) {
    const allowed = rolesFor(source, options.type);
    const roles = list(params.get('roles'));
    const unknown = roles.filter((role) => !allowed.includes(role as Role));
    if (unknown.length) problems.push(`Роли «${unknown.join('», «')}» нет среди ролей для этого типа учреждения; они пропущены.`);
    options.roles = allowed.filter((role) => roles.includes(role));
  }
  if (params.has('sections')) {
    const ids = source.sections.map((section) => section.id);
    const sections = list(params.get('sections'));
    const unknown = sections.filter((id) => !ids.includes(id));
    if (unknown.length) problems.push(`Разделов «${unknown.join('», «')}» нет; они пропущены.`);
    options.sections = ids.filter((id) => sections.includes(id));
  }
  for (const pair of list(params.get('models'))) {
    const [key, doc] = pair.split(':');
    if (key && doc && source.models[doc]) options.models[key] = doc;
    else problems.push(`Выбор образца «${pair}» в адресе не распознан; использован образец по умолчанию.`);
  }
  return { options, problems };
}

export function optionsQuery(options: DraftOptions): string {
  const params = new URLSearchParams({
    type: TYPE_SLUGS[options.type],
    platform: options.platform === 'MAX' ? 'max' : 'vk',
    gis: options.gis ? '1' : '0',
  });
  if (options.name) params.set('name', options.name);
  if (options.short) params.set('short', options.short);
  params.set('roles', options.roles.join('.'));
  params.set('sections', options.sections.join('.'));
  const models = Object.entries(options.models).map(([key, doc]) => `${key}:${doc}`);
  if (models.length) params.set('models', models.join('.'));
  return `?${params}`;
}

export interface StaticVariant {
  type: InstitutionType;
  platform: DraftPlatform;
  gis: boolean;
  slug: string;
}

/** The drafts built as static pages, for readers without JavaScript: every type × platform (× ГИС where it applies). */
export function staticVariants(source: Pick<DraftSource, 'roles'>): StaticVariant[] {
  return INSTITUTION_TYPES.flatMap((type) =>
    (['MAX', 'VK'] as const).flatMap((platform) =>
      (gisApplies(source, type) ? [false, true] : [false]).map((gis) => ({ type, platform, gis, slug: `${TYPE_SLUGS[type]}-${platform.toLowerCase()}${gis ? '-gis' : ''}` })),
    ),
  );
}

