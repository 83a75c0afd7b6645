/** The reference pages («Справка») as a reader meets them in the built site. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { htmlPages, readPage, ROOT } from '../support/project.ts';
import { mainText } from '../support/text.ts';
import { mentionsVk, parsePlatformFacts } from '../../src/domain/platform.ts';

const page = (path: string) => parseHTML(readPage(`${path}index.html`)).document;

describe('«Что изменилось»', () => {
  const document = page('reference/changes/');

  it('dates and sources every fact of content/platform-facts.json', () => {
    const facts = parsePlatformFacts(JSON.parse(readFileSync(join(ROOT, 'content/platform-facts.json'), 'utf8')));
    for (const fact of facts) {
      const entry = document.getElementById(fact.id);
      expect(entry, fact.id).not.toBeNull();
      expect(entry!.querySelector('time')?.getAttribute('datetime')).toBe(fact.date);
      expect(entry!.textContent).toContain(fact.text);
      expect([...entry!.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(fact.sources);
    }
  });

  it('says what is not known and sends the reader to the administrator', () => {
    const text = mainText(readPage('reference/changes/index.html'));
    expect(text).toMatch(/Чего мы не знаем.*статус «учитель».*младше 14 лет/);
    expect(document.querySelector('main .contact')).not.toBeNull();
  });
});

describe('the MAX notice', () => {
  it('is on every page whose text mentions VK Мессенджер, and links to «Что изменилось»', () => {
    const checked = htmlPages().filter((file) => file !== 'reference/changes/index.html' && file !== '404.html');
    let withNotice = 0;
    for (const file of checked) {
      const { document } = parseHTML(readPage(file));
      const notice = document.querySelector('main .notice');
      expect(Boolean(notice), file).toBe(mentionsVk(mainText(readPage(file))));
      if (notice) {
        withNotice++;
        expect(notice.querySelector('a')?.getAttribute('href'), file).toBe('/reference/changes/');
      }
    }
    expect(withNotice).toBeGreaterThanOrEqual(12);
  });
});
