/** The model acts the «Проект положения» page assembles drafts from (content/draft-models.json), with their clause texts. */
import raw from '../content/draft-models.json';
import { defaultOptions, type DraftOptions, type DraftSource } from './domain/draft.ts';
import { buildDraftSource } from './domain/draft-source.ts';
import { documentIndex } from './content.ts';
import { roles } from './catalogue.ts';
import { site } from './site.ts';

let source: Promise<DraftSource> | undefined;

/** Read once per build. */
export function draftSource(): Promise<DraftSource> {
  source ??= documentIndex().then((documents) =>
    buildDraftSource(
      raw,
      new Map(
        [...documents].map(([slug, { entry, anchors, texts }]) => [slug, { title: entry.data.title, shortTitle: entry.data.shortTitle, anchors: [...anchors.values()], texts }]),
      ),
      roles.map(({ id, name, types }) => ({ id, name, types })),
    ),
  );
  return source;
}

/** The form's starting answers: what the settings say about the institution (nothing, when the site serves several). */
export function draftDefaults(source: DraftSource): DraftOptions {
  const only = site.institutions.length === 1 ? site.institutions[0] : undefined;
  return defaultOptions(source, {
    type: only?.type ?? null,
    platform: only?.platform === 'MAX' ? 'MAX' : only?.platform === 'VK Мессенджер' ? 'VK' : null,
    name: only?.name ?? '',
    short: only?.short ?? '',
  });
}
