import { describe, expect, it } from 'vitest';
import { anchorTexts, extractAnchors } from '../../src/domain/anchors.ts';
import { regulationFiles } from '../support/project.ts';

const body = `
<Section id="p-4" n="4.">ПРАВА И ОБЯЗАННОСТИ</Section>

<Clause id="p-4-6" n="4.6.">
Участникам **запрещается**:

<Items>
  <Item id="p-4-6-1">
размещать в чатах информацию;

<Note>Пояснение редакции.</Note>
  </Item>
  <Item id="p-4-6-2">сообщать <Sic fix="Discord">Discjrd</Sic> [пароль](https://example.org/);</Item>
</Items>
</Clause>

<Para id="p-5-abz-1">Последний абзац.</Para>

<Stamp>Подпись</Stamp>
`;

describe('anchorTexts', () => {
  const texts = anchorTexts(body);

  it('gives each anchor its own words, without the nested anchors, notes or markup', () => {
    expect(Object.fromEntries(texts)).toEqual({
      'p-4': 'ПРАВА И ОБЯЗАННОСТИ',
      'p-4-6': 'Участникам запрещается:',
      'p-4-6-1': 'размещать в чатах информацию;',
      'p-4-6-2': 'сообщать Discjrd пароль;',
      'p-5-abz-1': 'Последний абзац.',
    });
  });

  it('keeps the source misprint and never takes text after the element closes', () => {
    expect(texts.get('p-4-6-2')).toContain('Discjrd');
    expect(texts.get('p-5-abz-1')).not.toContain('Подпись');
  });

  it('has text for every anchor of every published regulation, except the item the source left empty', () => {
    const empty: string[] = [];
    for (const { slug, body: mdx } of regulationFiles()) {
      const all = anchorTexts(mdx);
      expect([...all.keys()], slug).toEqual(extractAnchors(mdx).map((anchor) => anchor.id));
      for (const [id, text] of all) if (!text) empty.push(`${slug}#${id}`);
    }
    expect(empty).toEqual(['novosibirsk-sosh-215#p-2-2']);
    const tekhnikum = regulationFiles().find((file) => file.slug === 'tekhnikum')!;
    expect(anchorTexts(tekhnikum.body).get('p-21-4')).toBe('Этика общения в учебном профиле VK-мессенджера.');
    const orenburg = regulationFiles().find((file) => file.slug === 'orenburg-dou-111')!;
    expect(anchorTexts(orenburg.body).get('p-1')).toContain('иностранных мессенджеров (Discjrd, Microsoft Teams,');
  });
});
