import faqRaw from '../content/faq.json';
import synonymsRaw from '../content/search-synonyms.json';
import { z } from 'zod';
import { faqEntrySchema, synonymsSchema } from './domain/faq.ts';

/** «Вопросы и ответы» (content/faq.json), validated. */
export const faq = z.array(faqEntrySchema).parse(faqRaw);

/** Synonym groups for search (content/search-synonyms.json), validated. */
export const synonyms = synonymsSchema.parse(synonymsRaw);

/** Name of the FAQ as a «document» in search results and filters. */
export const FAQ_TITLE = 'Вопросы и ответы';
