/**
 * Which clauses bind the people of an institution, and which are models from elsewhere. Made once, here; pages
 * and the wizard only ask. Pure and free of zod: the wizard island ships it to the browser.
 *
 * A document is, for an institution: its own act (binding there), a common document (the Ministry's letter
 * 04-423 with methodical recommendations: it applies to every institution, but as recommendations, not as an
 * act of the institution), or a model (another institution's act: it binds only there).
 */
export type Standing = 'own' | 'common' | 'model';

/** What a page needs to know to ground its citations. */
export interface Grounding {
  /** The institution's short name; null on a page that serves several institutions. */
  institution: string | null;
  /** Slugs of the institution's own acts; empty when it has none on the site. */
  own: readonly string[];
  /** Slugs of the documents common to all institutions. */
  common: readonly string[];
}

/** A document as citations name it. */
export interface DocumentInfo {
  /** The institution the document belongs to, as the document states it: «Школа № 12 (Керчь)». */
  institution: string;
  /** «положение», «приказ», «порядок», «письмо», «приложение». */
  kind: string;
}

export function groundingOf(
  institution: { short: string; documents: readonly string[] } | null,
  common: readonly string[],
): Grounding {
  return { institution: institution?.short ?? null, own: institution?.documents ?? [], common };
}

export function standingOf(doc: string, grounding: Grounding): Standing {
  if (grounding.own.includes(doc)) return 'own';
  return grounding.common.includes(doc) ? 'common' : 'model';
}

/** Whether the institution has an own act on the site: if not, every rule shown is a model from elsewhere. */
export function hasOwnAct(grounding: Grounding): boolean {
  return grounding.own.length > 0;
}

const ORDER: Record<Standing, number> = { own: 0, common: 1, model: 2 };

/** Citations in the order pages show them: the own act first, then the common letter, then other institutions. */
export function orderByStanding<R extends { doc: string }>(refs: readonly R[], grounding: Grounding): R[] {
  return refs
    .map((ref, i) => ({ ref, i, rank: ORDER[standingOf(ref.doc, grounding)] }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map(({ ref }) => ref);
}

/**
 * How a duty stands in an institution: `own` when its own act states it (the own act is the authority, also for a
 * duty only it states); `common` when only the Ministry's recommendations do; `model` when only other
 * institutions' acts do — then it does not bind here and is shown apart.
 */
export function dutyStanding(refs: readonly { doc: string }[], grounding: Grounding): Standing {
  const standings = refs.map((ref) => standingOf(ref.doc, grounding));
  if (standings.includes('own')) return 'own';
  return standings.includes('common') ? 'common' : 'model';
}

/** Duties split by how they stand in the institution, each list in catalogue order. */
export function splitByStanding<D extends { refs: readonly { doc: string }[] }>(duties: readonly D[], grounding: Grounding): Record<Standing, D[]> {
  const split: Record<Standing, D[]> = { own: [], common: [], model: [] };
  for (const duty of duties) split[dutyStanding(duty.refs, grounding)].push(duty);
  return split;
}

/**
 * The duties an institution's pages list as its rules, and those they show apart (the Ministry's recommendations
 * and other institutions' rules). Without an own act, every duty is listed — as a model, each citation naming its institution.
 */
export function dutiesFor<D extends { refs: readonly { doc: string }[] }>(duties: readonly D[], grounding: Grounding): { listed: D[]; apart: D[] } {
  if (!hasOwnAct(grounding)) return { listed: [...duties], apart: [] };
  const split = splitByStanding(duties, grounding);
  return { listed: split.own, apart: [...split.common, ...split.model] };
}

const OUR: Record<string, string> = { положение: 'по нашему положению', приказ: 'по нашему приказу', порядок: 'по нашему порядку' };

/** Another institution's document as citations name it: «Техникум, порядок». */
function modelName(info: DocumentInfo): string {
  return `${info.institution}, ${info.kind}`;
}

/**
 * Where a duty rests on one other institution's act alone (no second document, not the common recommendations),
 * that act as citations name it: «Техникум, порядок». A page that shows the duty without its citations (a deck slide)
 * names it beside the duty, as the role page's citations do. Undefined for a duty of the own act or of several documents.
 */
export function soleModelSource(refs: readonly { doc: string }[], grounding: Grounding, documents: Readonly<Record<string, DocumentInfo>>): string | undefined {
  const docs = new Set(refs.map((ref) => ref.doc));
  const [doc] = docs;
  if (docs.size !== 1 || standingOf(doc, grounding) !== 'model') return undefined;
  const info = documents[doc];
  if (!info) throw new Error(`нет сведений о документе «${doc}»`);
  return modelName(info);
}

/** A citation's words: «по нашему положению, п. 2.6», «Минпросвещения России, письмо (рекомендации для всех учреждений), п. 4», «Школа № 12 (Керчь), положение, п. 2.6». */
function citationLabel(doc: string, clause: string, info: DocumentInfo, grounding: Grounding): string {
  const standing = standingOf(doc, grounding);
  if (standing === 'own') return `${OUR[info.kind] ?? 'по нашему документу'}, ${clause}`;
  if (standing === 'common') return `${info.institution}, ${info.kind} (рекомендации для всех учреждений), ${clause}`;
  return `${modelName(info)}, ${clause}`;
}

/** A clause cited on a page: which document, and its number there («п. 2.6»). */
export interface CitedClause {
  doc: string;
  clause: string;
}

/**
 * Citations as an institution's pages show them: the own act first («по нашему положению, п. 2.6»), then the common
 * recommendations, then other institutions' acts, the first of them led by «в других учреждениях так:» and each
 * naming its institution — never blended in as if binding here.
 */
export function groundCitations<R extends CitedClause>(refs: readonly R[], grounding: Grounding, documents: Readonly<Record<string, DocumentInfo>>): (R & { label: string })[] {
  let led = false;
  return orderByStanding(refs, grounding).map((ref) => {
    const info = documents[ref.doc];
    if (!info) throw new Error(`нет сведений о документе «${ref.doc}»`);
    const label = citationLabel(ref.doc, ref.clause, info, grounding);
    const lead = standingOf(ref.doc, grounding) === 'model' && !led && hasOwnAct(grounding);
    led ||= lead;
    return { ...ref, label: lead ? `в других учреждениях так: ${label}` : label };
  });
}

/** The sentence a page shows where the institution has no own act on the site, or where it serves several. */
export function modelsNotice(grounding: Grounding): string | undefined {
  if (hasOwnAct(grounding)) return undefined;
  const whose = grounding.institution ? `У учреждения «${grounding.institution}» своего документа о «Сферуме» на этом сайте нет.` : 'Эта страница общая для нескольких учреждений.';
  return `${whose} Правила ниже взяты из документов других учреждений и даны как образцы: у каждого указано, чьё это правило. Обязательны они только там, где приняты; в вашем учреждении действует его собственный документ — спросите о нём администратора платформы. Методические рекомендации Минпросвещения России общие для всех учреждений, но это рекомендации, а не акт учреждения.`;
}

/**
 * The same in one line, for the poster and the deck's title slide, where the full notice does not fit; `named` says
 * where the page names whose each rule is (the poster cites every step; the deck captions its quotes).
 */
export function modelsLine(grounding: Grounding, named = ', у каждого указано, чьё оно'): string | undefined {
  if (hasOwnAct(grounding)) return undefined;
  return `Своего документа о «Сферуме» у учреждения на сайте нет: правила здесь\u00a0— образцы из документов других учреждений${named}.`;
}
