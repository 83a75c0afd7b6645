/**
 * The fixed random split of tests/bench/search-questions.json into a tuning half and an evaluation half:
 * questions ordered by an FNV-1a hash of `seed:question`, the first half (rounded up) is tuning.
 * The file stores each question's half; the bench recomputes it and refuses a file that disagrees.
 */
export const SPLIT_SEED = 20261124;

/** @param {string} text */
function fnv1a(text) {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** @param {readonly { q: string }[]} questions @returns {Map<string, 'tuning' | 'evaluation'>} */
export function splitHalves(questions) {
  const order = [...questions].sort((a, b) => fnv1a(`${SPLIT_SEED}:${a.q}`) - fnv1a(`${SPLIT_SEED}:${b.q}`));
  const tuning = Math.ceil(order.length / 2);
  return new Map(order.map(({ q }, i) => [q, i < tuning ? 'tuning' : 'evaluation']));
}
