/** Institution types the regulations distinguish. */
export const INSTITUTION_TYPES = ['ДОУ', 'школа', 'СПО'] as const;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];

/** URL slugs of institution types, for filter pages that work without JavaScript. */
export const TYPE_SLUGS: Record<InstitutionType, string> = { ДОУ: 'dou', школа: 'shkola', СПО: 'spo' };

/** Plural headings: «Детские сады (ДОУ)». */
export const TYPE_NAMES: Record<InstitutionType, string> = {
  ДОУ: 'Детские сады (ДОУ)',
  школа: 'Школы',
  СПО: 'Колледжи и техникумы (СПО)',
};

export function typeBySlug(slug: string): InstitutionType | undefined {
  return INSTITUTION_TYPES.find((type) => TYPE_SLUGS[type] === slug);
}
