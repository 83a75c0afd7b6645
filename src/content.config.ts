import { defineCollection } from 'astro:content';
import { glob, file, type Loader, type LoaderContext } from 'astro/loaders';
import { regulationSchema, lawSchema } from './domain/regulation.ts';

/** How Astro's glob loader reads a file type (its loader context carries them as `entryTypes`: not a public API). */
type EntryTypes = Map<string, { getEntryInfo: unknown }>;

/**
 * A glob loader that keeps each file's data only. For .mdx files Astro would also make every file a module of the
 * build (compiled, bundled and loaded up front: about 1.5 MB of memory a document, most of a large site's build);
 * a regulation's text is read from its file (bodyOf in src/content.ts) and compiled where its page is rendered
 * (regulationText).
 */
function dataOnly(loader: Loader): Loader {
  return {
    ...loader,
    load: (context) => {
      const { entryTypes } = context as LoaderContext & { entryTypes?: EntryTypes };
      if (!entryTypes) throw new Error('content.config.ts: у загрузчика Astro нет entryTypes (изменился Astro?)');
      const readOnly: EntryTypes = new Map([...entryTypes].map(([extension, type]) => [extension, { getEntryInfo: type.getEntryInfo }]));
      return loader.load({ ...context, entryTypes: readOnly } as LoaderContext);
    },
  };
}

/** Every collection's schema lives in src/domain, so unit tests can check content without Astro. */
export const collections = {
  regulations: defineCollection({
    loader: dataOnly(glob({ pattern: '*.mdx', base: './content/regulations', retainBody: false })),
    schema: regulationSchema,
  }),
  laws: defineCollection({
    loader: file('./content/laws.json'),
    schema: lawSchema,
  }),
};
