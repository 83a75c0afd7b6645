/**
 * Text normalisation shared by the index and the query, so both sides meet on one spelling:
 * «ё» is read as «е», and Latin look-alike letters inside a Cyrillic word («видеoinформация»,
 * a defect of the source) as the Cyrillic letters. Every mapping is one character to one
 * character, so offsets found in normalised text hold in the original.
 */

const LATIN_TO_CYRILLIC: Record<string, string> = {
  a: 'а', b: 'в', c: 'с', e: 'е', h: 'н', i: 'и', k: 'к', m: 'м', n: 'н', o: 'о', p: 'р', t: 'т', u: 'и', x: 'х', y: 'у',
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', I: 'И', K: 'К', M: 'М', N: 'Н', O: 'О', P: 'Р', T: 'Т', X: 'Х', Y: 'У',
};
const WORD = /[\p{L}\p{M}]+/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

/** «ё» → «е»; in a word that mixes scripts, Latin look-alikes → Cyrillic. Same length as the input. */
export function normalizeText(text: string): string {
  return text.replace(WORD, (word) => {
    const plain = word.replace(/ё/g, 'е').replace(/Ё/g, 'Е');
    if (!CYRILLIC.test(plain) || !LATIN.test(plain)) return plain;
    return plain.replace(/[A-Za-z]/g, (letter) => LATIN_TO_CYRILLIC[letter] ?? letter);
  });
}

/** Words that carry no meaning for search in a question («как», «что», «я»…). */
const STOP_WORDS = new Set(
  ('а без бы был была были было быть в вам вас ваш во вот все всё вы где да для до его ее её если есть еще ещё же за зачем и из или им их ' +
    'к как какая какие какой ко когда кто ли либо мне меня мной мой мою моя мои мы на над нам нас наш не него нее неё нет ни но ну ' +
    'о об обо он она они оно от очень по под почему при про с себя со так также такое такой такая такие там то тоже только тот ту тут у уже чего чей чем ' +
    'что чтобы чья это этот эта эти я ли-то нужно надо можно мне-то делать делает делают сделать ' +
    'кому кем куда откуда сколько каков какова каково каковы какого какому каким каких какую каком какое чьё чьи чьим ' +
    'моего моей моему моим моих твой твоя твоё твои тебе тебя ты ему ей ней нему ним них ими нашего нашей нашему наши наших ваша ваше вашего вашей ваши ваших ' +
    'должен должна должно должны может могу можем можешь могут мочь иметь ' +
    'стать становиться дать давать дает дают дайте взять брать ходить идти пойти').split(' '),
);

export const MAX_QUERY_LENGTH = 200;
export const MAX_TERMS = 8;

export interface QueryTerms {
  /** Words to search for, normalised, lower case, in query order, without repeats. */
  terms: string[];
  /** The query was cut to MAX_QUERY_LENGTH characters or MAX_TERMS words. */
  truncated: boolean;
}

/** Splits a typed query into search words: normalised, punctuation and stop words dropped (all of them kept if nothing else is left). */
export function queryTerms(query: string): QueryTerms {
  const text = query.slice(0, MAX_QUERY_LENGTH);
  const words = [...normalizeText(text.toLowerCase()).matchAll(/[\p{L}\p{N}]+/gu)].map(([word]) => word);
  const meaningful = words.filter((word) => !STOP_WORDS.has(word));
  const unique = [...new Set(meaningful.length ? meaningful : words)];
  return { terms: unique.slice(0, MAX_TERMS), truncated: query.length > MAX_QUERY_LENGTH || unique.length > MAX_TERMS };
}

/** Russian plural form: pluralRu(2, ['результат', 'результата', 'результатов']) → «2 результата». */
export function pluralRu(count: number, [one, few, many]: readonly [string, string, string]): string {
  const form = new Intl.PluralRules('ru').select(count);
  return `${count}\u00a0${form === 'one' ? one : form === 'few' ? few : many}`;
}
