import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import mammoth from 'mammoth';
import { Packer } from 'docx';
import { anchorTexts, documentAnchors } from '../../src/domain/anchors.ts';
import { catalogueSchema, splitRef } from '../../src/domain/duties.ts';
import { buildDraftSource, type ModelDocument } from '../../src/domain/draft-source.ts';
import {
  assembleDraft, defaultOptions, draftBlocks, draftText, modelText, optionsQuery, parseOptions, rolesFor, staticVariants, VK_NOTE,
  type DraftOptions,
} from '../../src/domain/draft.ts';
import { draftDocument } from '../../src/islands/draft-docx.ts';
import { INSTITUTION_TYPES } from '../../src/domain/site-config.ts';
import { regulationFiles, ROOT } from '../support/project.ts';

const read = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
const catalogue = catalogueSchema.parse(read('content/duties.json'));
const models = read('content/draft-models.json');
const documents = new Map<string, ModelDocument>(
  regulationFiles().map((file) => [
    file.slug,
    { title: String(file.frontmatter.title), shortTitle: String(file.frontmatter.shortTitle), anchors: documentAnchors(file.slug, file.body), texts: anchorTexts(file.body) },
  ]),
);
const roles = catalogue.roles.map(({ id, name, types }) => ({ id, name, types }));
const source = buildDraftSource(models, documents, roles);
const settings = { type: null, platform: null, name: 'МБОУ «Средняя школа № 5 города Энска»', short: 'Школа № 5' };
const base = defaultOptions(source, settings);

/** Every answer combination, and for each block every model wording it offers. */
function everyDraft(): { options: DraftOptions; label: string }[] {
  const drafts: { options: DraftOptions; label: string }[] = [];
  for (const type of INSTITUTION_TYPES) {
    for (const platform of ['MAX', 'VK'] as const) {
      for (const gis of [false, true]) {
        const options: DraftOptions = { ...base, type, platform, gis, roles: rolesFor(source, type) };
        drafts.push({ options, label: `${type}/${platform}/${gis}` });
        for (const { blocks } of draftBlocks(source, options)) {
          for (const block of blocks) {
            for (const option of block.options) drafts.push({ options: { ...options, models: { [block.key]: option.doc } }, label: `${type}/${platform}/${gis}/${block.key}:${option.doc}` });
          }
        }
      }
    }
  }
  return drafts;
}

const drafts = everyDraft();

describe('draft act assembled from the model acts', () => {
  it('offers, for each role, only clauses that the catalogue cites for that role', () => {
    const roleSection = source.sections.find((section) => section.roles)!;
    for (const [role, options] of Object.entries(roleSection.roles!)) {
      const refs = catalogue.duties.filter((duty) => duty.roles.includes(role as never)).flatMap((duty) => duty.refs);
      for (const option of options!) {
        for (const key of option.clauses) {
          const { doc, anchor } = splitRef(key);
          const cited = refs.some((ref) => ref === key || ref.startsWith(`${doc}#${anchor}-`));
          expect(cited, `${role}: ${key} не цитируется обязанностями роли`).toBe(true);
        }
      }
    }
  });

  it('keeps every clause word for word, except marked substitutions of names and the platform', () => {
    expect(drafts.length).toBeGreaterThan(60);
    for (const { options, label } of drafts) {
      const draft = assembleDraft(source, options);
      for (const section of draft.sections) {
        for (const clause of section.clauses) {
          const original = source.clauses[`${clause.doc}#${clause.anchor}`].paragraphs.filter((paragraph) => paragraph.text.trim());
          expect(clause.paragraphs.map((paragraph) => modelText(paragraph.pieces)), `${label} ${clause.number}`).toEqual(original.map((paragraph) => paragraph.text));
          for (const piece of clause.paragraphs.flatMap((paragraph) => paragraph.pieces)) {
            if (piece.was === undefined) continue;
            const model = source.models[clause.doc];
            const allowed = piece.kind === 'platform' ? source.platformNames : Object.keys(model.names);
            expect(allowed.map((words) => words.replace(/\s/g, ' ')), `${label}: замена «${piece.was}»`).toContain(piece.was.replace(/\s/g, ' '));
            expect(piece.text).toBe(piece.kind === 'platform' ? 'MAX' : model.names[Object.keys(model.names).find((w) => w.replace(/\s/g, ' ') === piece.was!.replace(/\s/g, ' '))!] === 'name' ? options.name : options.short);
          }
        }
        const headings = [...documents.values()].flatMap((document) => document.anchors.filter((anchor) => anchor.kind === 'section').map((anchor) => anchor.title));
        expect([...headings, ...source.sections.map((s) => s.title)], `${label}: заголовок`).toContain(modelText(section.heading));
      }
      expect([...documents.values()].map((document) => document.title)).toContain(modelText(draft.title));
    }
  });

  it('leaves no model institution named, and on MAX no chat platform named VK without a note', () => {
    for (const { options, label } of drafts) {
      const draft = assembleDraft(source, options);
      for (const clause of draft.sections.flatMap((section) => section.clauses)) {
        const text = clause.paragraphs.map((paragraph) => draftText(paragraph.pieces)).join('\n');
        expect(text, `${label} ${clause.number}`).not.toMatch(/Техникум|Колледж|Керч|СОШ № 215|(?<![А-Яа-я])ДО[ОУ](?![А-Яа-я])/);
        if (/VK/.test(modelText(clause.paragraphs.flatMap((paragraph) => paragraph.pieces)))) expect(clause.notes, `${label} ${clause.number}`).toContain(VK_NOTE);
        if (options.platform === 'MAX') expect(text, `${label} ${clause.number}`).not.toMatch(/VK[ -]?[Мм]ессенджер/);
      }
    }
  });

  it('numbers sections and clauses in order, and follows the type: no class teachers or pupils in a kindergarten', () => {
    const school = assembleDraft(source, { ...base, type: 'школа' });
    expect(school.sections.map((section) => section.number)).toEqual(school.sections.map((_, index) => `${index + 1}.`));
    for (const section of school.sections) expect(section.clauses.map((clause) => clause.number)).toEqual(section.clauses.map((_, index) => `${section.number}${index + 1}.`));
    const kindergarten = draftBlocks(source, { ...base, type: 'ДОУ', roles: rolesFor(source, 'ДОУ') }).flatMap(({ blocks }) => blocks.map((block) => block.key));
    expect(kindergarten).toEqual(['general', 'platform', 'role-admin', 'role-head', 'role-teacher', 'role-parent', 'rights', 'final']);
    expect(assembleDraft(source, { ...base, type: 'ДОУ', roles: rolesFor(source, 'ДОУ') }).sections[0].clauses[0].source).toBe('Порядок детского сада №\u00a027 «Дюймовочка», п.\u00a01.1');
  });

  it('uses the ГИС model only where a regional ГИС creates the chats, and only for schools', () => {
    const docs = (options: DraftOptions) => draftBlocks(source, options).flatMap(({ blocks }) => blocks.map((block) => `${block.key}:${block.chosen.doc}`));
    expect(docs({ ...base, type: 'школа', gis: true })).toContain('role-class-teacher:novosibirsk-sosh-215');
    expect(docs({ ...base, type: 'школа', gis: false })).toContain('role-class-teacher:kerch-shkola-12');
    expect(docs({ ...base, type: 'школа', gis: false }).join()).not.toContain('role-teacher:novosibirsk');
    expect(docs({ ...base, type: 'ДОУ', gis: true, roles: rolesFor(source, 'ДОУ') })).toContain('role-teacher:arsenev-dou-27');
    expect(staticVariants(source).map((variant) => variant.slug)).toEqual(['dou-max', 'dou-vk', 'shkola-max', 'shkola-max-gis', 'shkola-vk', 'shkola-vk-gis', 'spo-max', 'spo-vk']);
  });

  it('keeps the answers in the URL and says in Russian what was wrong in a tampered one', () => {
    const options: DraftOptions = { ...base, type: 'СПО', platform: 'VK', name: 'ГБПОУ «Колледж связи» <b>&amp;', short: 'Колледж связи', roles: ['admin', 'parent'], sections: ['general', 'roles'], models: { 'role-admin': 'kerch-shkola-12' } };
    expect(parseOptions(optionsQuery(options), source, base)).toEqual({ options, problems: [] });
    const tampered = parseOptions('?type=vuz&platform=telegram&gis=maybe&roles=admin.hacker&sections=general.x&models=role-admin:evil', source, base);
    expect(tampered.options.type).toBe(base.type);
    expect(tampered.options.platform).toBe('MAX');
    expect(tampered.options.roles).toEqual(['admin']);
    expect(tampered.options.sections).toEqual(['general']);
    expect(tampered.problems).toEqual([
      'Тип учреждения «vuz» не известен; показан проект для типа «школа».',
      'Платформа «telegram» не известна; выбрана MAX.',
      'Ответ про региональную ГИС в адресе не распознан; выбрано «нет».',
      'Роли «hacker» нет среди ролей для этого типа учреждения; они пропущены.',
      'Разделов «x» нет; они пропущены.',
      'Выбор образца «role-admin:evil» в адресе не распознан; использован образец по умолчанию.',
    ]);
  });

  it('writes a .docx that opens, with the numbering, the marked substitutions as comments and the source table', async () => {
    const draft = assembleDraft(source, { ...base, type: 'СПО', roles: rolesFor(source, 'СПО') });
    const buffer = await Packer.toBuffer(draftDocument(draft, new Date('2026-11-24T00:00:00Z')));
    const { value: text } = await mammoth.extractRawText({ buffer });
    expect(text).toContain('УТВЕРЖДЕНО');
    expect(text).toContain('приказом … от … № …');
    expect(text).toContain(draft.name);
    for (const clause of draft.sections.flatMap((section) => section.clauses)) expect(text).toContain(`${clause.number} ${draftText(clause.paragraphs[0].pieces)}`);
    expect(text).toContain('Приложение. Источник каждого пункта');
    expect(text).toContain('Порядок техникума, п.\u00a020.1');
    expect(text).toContain('«Техникума» → «Школа № 5»');
    expect(text).not.toContain('Замена: в образце');
    expect(text).not.toContain(VK_NOTE);
    const { value: html } = await mammoth.convertToHtml({ buffer }, { styleMap: ['comment-reference => sup'] });
    expect(html).toContain('Замена: в образце «Техникума».');
    expect(html).toContain(VK_NOTE);
  });
});
