import faqRaw from '../content/faq.json';
import synonymsRaw from '../content/search-synonyms.json';
import { z } from 'zod';
import { faqEntrySchema, synonymsSchema } from './domain/faq.ts';
import { parseFile } from './domain/validation.ts';

/** «Вопросы и ответы» (content/faq.json), validated. */
export const faq = parseFile(z.array(faqEntrySchema), faqRaw, 'content/faq.json');

/** Synonym groups for search (content/search-synonyms.json), validated. */
export const synonyms = parseFile(synonymsSchema, synonymsRaw, 'content/search-synonyms.json');

/** Name of the FAQ as a «document» in search results and filters. */
export const FAQ_TITLE = 'Вопросы и ответы';
