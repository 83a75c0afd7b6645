import { defineCollection } from 'astro:content';
import { glob, file } from 'astro/loaders';
import { regulationSchema, lawSchema } from './domain/regulation.ts';

/** Every collection's schema lives in src/domain, so unit tests can check content without Astro. */
export const collections = {
  regulations: defineCollection({
    loader: glob({ pattern: '*.mdx', base: './content/regulations' }),
    schema: regulationSchema,
  }),
  laws: defineCollection({
    loader: file('./content/laws.json'),
    schema: lawSchema,
  }),
};
