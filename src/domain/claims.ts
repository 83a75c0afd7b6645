/**
 * Claims: what the site says in its own words about a rule or a duty, with the source words that carry it.
 * A basis entry quotes a regulation clause (`{ ref: "tekhnikum#p-21-4", quote }`) or a platform fact
 * (`{ fact: "max-safe-mode", quote }`). The checker is pure: the caller hands it the clause and fact texts.
 */
import { z } from 'zod';

const refPattern = /^[a-z0-9-]+#[a-z0-9-]+$/;

export const basisEntrySchema = z.union([
  z.object({ ref: z.string().regex(refPattern, { error: 'ссылка на пункт «документ#id»' }), quote: z.string().min(3) }).strict(),
  z.object({ fact: z.string().regex(/^[a-z0-9-]+$/), quote: z.string().min(3) }).strict(),
]);
export type BasisEntry = z.infer<typeof basisEntrySchema>;

/** The basis of one claim: at least one quote. */
export const basisSchema = z.array(basisEntrySchema).min(1);

/** The force of the source words. «condition» is a duty, right or possibility that holds only in a case. */
export type Force = 'duty' | 'right' | 'possibility' | 'recommendation' | 'condition';

/** A claim to check: where it is (for messages), its text and its basis. */
export interface Claim {
  where: string;
  text: string;
  basis: readonly BasisEntry[];
  /** The label of the place the claim appears in («Для колледжей и техникумов», the institution's name…). */
  place?: string;
}

export interface ClaimSources {
  /** Plain text of a clause with its nested sub-clauses, or undefined if there is no such clause. */
  clauseText(ref: string): string | undefined;
  /** Text of a platform fact, or undefined. */
  factText(id: string): string | undefined;
  /** Words that name the institution whose act the document is; undefined for acts that bind everyone (the Ministry's letter). */
  institutionNames(doc: string): readonly string[] | undefined;
  /** Whether a document other than `doc` says much the same as `quote` in one of its clauses (see `similar`). */
  saidElsewhere(doc: string, quote: string): boolean;
}

/** A known, reasoned departure from the force or scope rules: which claim, which rule, why. */
export interface ClaimException {
  where: string;
  rule: 'force' | 'condition' | 'scope';
  reason: string;
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

// Markers of force in the source words.
const CONDITION = /при необходимости|в случае|(?<!\p{L})если(?!\p{L})|при наличии|по мере необходимости/iu;
// «рекомендовано», «рекомендуется», «рекомендуем»; not the noun «рекомендации» (a title: «Методические рекомендации»).
const RECOMMENDATION = /рекоменд(?:ова|у)/iu;
// «не вправе», «не могут» forbid: that is a duty not to.
const RIGHT = /(?<!не )(?:имеет? право|имеют право|вправе)/iu;
// «которые могут нарушить» describes, it grants nothing.
const POSSIBILITY = /(?<!\p{L})(?<!котор\p{L}{1,3} |не )(?:может|могут|можно|возможно|имеется возможность|есть возможность)(?!\p{L})/iu;

/** The base force of source words (without the condition): recommendation, right and possibility win over a duty form. */
export function baseForce(quote: string): Exclude<Force, 'condition'> {
  if (RECOMMENDATION.test(quote)) return 'recommendation';
  if (RIGHT.test(quote)) return 'right';
  if (POSSIBILITY.test(quote)) return 'possibility';
  return 'duty';
}

/** The force class of a basis quote: «condition» when it holds only in a case, else its base force. */
export function quoteForce(quote: string): Force {
  return CONDITION.test(quote) ? 'condition' : baseForce(quote);
}

// Markers of force in the site's own words.
const SOFT_IN_CLAIM: Record<'right' | 'possibility' | 'recommendation', RegExp> = {
  right: /(?<!\p{L})(?:вправе|имеет? право|имеют право|можно|может|могут)(?!\p{L})/iu,
  possibility: /(?<!\p{L})(?:можно|может|могут|возможн\p{L}*|при желании)(?!\p{L})/iu,
  recommendation: /рекоменд|советует|(?<!\p{L})лучше(?!\p{L})/iu,
};
const CONDITION_IN_CLAIM = /при необходимости|(?<!\p{L})(?:если|когда|в случае|при наличии|по мере)(?!\p{L})/iu;

/** Where a quote is not verbatim in the clause or fact it names: the problem, or undefined. */
export function quoteProblem(entry: BasisEntry, sources: ClaimSources): string | undefined {
  const source = 'ref' in entry ? sources.clauseText(entry.ref) : sources.factText(entry.fact);
  const name = 'ref' in entry ? `пункт ${entry.ref}` : `сведение ${entry.fact}`;
  if (source === undefined) return `нет такого источника: ${name}`;
  if (!collapse(source).includes(collapse(entry.quote))) return `цитаты «${entry.quote}» нет дословно в источнике ${name}`;
  return undefined;
}

const words = (text: string) => new Set(text.toLowerCase().match(/\p{L}{4,}/gu) ?? []);

/** Whether `text` says much the same as `quote`: at least `share` of the quote's longer words are in it. */
export function similar(quote: string, text: string, share = 0.8): boolean {
  const [own, other] = [words(quote), words(text)];
  if (!own.size) return false;
  return [...own].filter((word) => other.has(word)).length / own.size >= share;
}

/** Document slug of a clause reference. */
const docOf = (ref: string) => ref.split('#')[0];

/** Every problem of a claim: basis missing or not verbatim, force stronger than the source's, scope lost. */
export function claimProblems(claim: Claim, sources: ClaimSources, exceptions: readonly ClaimException[] = []): string[] {
  const excepted = (rule: ClaimException['rule']) => exceptions.some((e) => e.where === claim.where && e.rule === rule);
  if (!claim.basis.length) return [`${claim.where}: нет основания (basis)`];
  const problems = claim.basis.flatMap((entry) => quoteProblem(entry, sources) ?? []);
  const clauseQuotes = claim.basis.filter((entry) => 'ref' in entry);
  // A softer quote binds the wording unless another document states the same as a duty (then the duty is the claim).
  // A platform fact's softer words («рекомендуем», «могут») always bind: no document makes them a duty.
  const dutyDocs = new Set(clauseQuotes.filter((entry) => baseForce(entry.quote) === 'duty').map((entry) => docOf(entry.ref)));
  const soft = new Set(
    claim.basis.flatMap((entry) => {
      const force = baseForce(entry.quote);
      const overridden = 'ref' in entry && [...dutyDocs].some((doc) => doc !== docOf(entry.ref));
      return force !== 'duty' && !overridden ? [force] : [];
    }),
  );
  if (soft.size && ![...soft].some((force) => SOFT_IN_CLAIM[force].test(claim.text)) && !excepted('force')) {
    problems.push(`сила источника — ${[...soft].join(', ')}, а в тексте нет «можно», «вправе», «рекомендовано»: «${claim.text}»`);
  }
  if (claim.basis.some((entry) => CONDITION.test(entry.quote)) && !CONDITION_IN_CLAIM.test(claim.text) && !excepted('condition')) {
    problems.push(`источник ставит условие («при необходимости», «в случае…»), а текст — нет: «${claim.text}»`);
  }
  // Scope: a clause quote that no other document says (half its words in another quote of the claim, or most of them in
  // a clause of another document) states one institution's rule; the text or its place names that institution.
  if (!excepted('scope')) {
    const labelled = collapse(`${claim.text} ${claim.place ?? ''}`).toLowerCase();
    const unnamed = new Set(
      clauseQuotes.flatMap((entry) => {
        const names = sources.institutionNames(docOf(entry.ref));
        if (!names || names.some((name) => labelled.includes(collapse(name).toLowerCase()))) return [];
        const doc = docOf(entry.ref);
        const shared = clauseQuotes.some((other) => docOf(other.ref) !== doc && similar(entry.quote, other.quote, 0.5)) || sources.saidElsewhere(doc, entry.quote);
        return shared ? [] : [doc];
      }),
    );
    for (const doc of unnamed) problems.push(`правило только одного учреждения (${doc}), но ни текст, ни место его не называют: «${claim.text}»`);
  }
  return problems.map((problem) => (problem.startsWith(claim.where) ? problem : `${claim.where}: ${problem}`));
}

/** Exceptions that name no claim, so a stale exception cannot linger. */
export function unusedExceptions(claims: readonly Claim[], exceptions: readonly ClaimException[]): ClaimException[] {
  const places = new Set(claims.map((claim) => claim.where));
  return exceptions.filter((exception) => !places.has(exception.where));
}
