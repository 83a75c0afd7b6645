/** Printed pages checked by what is on the paper: the text of Chromium's PDF, page by page. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { servedInBrowser } from '../support/served.ts';
import { printedText } from '../support/print.ts';
import { DEMO_SECTION, ROOT } from '../support/project.ts';

const served = servedInBrowser();
const settings = JSON.parse(readFileSync(join(ROOT, 'content/site.json'), 'utf8'));
/** The demo serves several institutions: the wizard, poster and handout of one (its section, `u=` in the wizard). */
const school = (settings.institutions as { id: string; name: string; admin: { name: string } }[]).find((institution) => DEMO_SECTION.includes(institution.id))!;
const duties = (JSON.parse(readFileSync(join(ROOT, 'content/duties.json'), 'utf8')) as { duties: { id: string; text: string }[] }).duties;
const dutyText = (id: string) => duties.find((duty) => duty.id === id)!.text;

/** Words of the site's screen furniture that must not reach the paper. */
const SCREEN_ONLY = ['Основные разделы', 'Поиск по документам', 'Найти', 'ссылка на пункт', 'Распечатать', 'Скопировать текстом', 'Начать заново'];

describe('printed pages, by their text', () => {
  it('a checklist prints its duties with ticked boxes ticked, citations without raw paths, no controls', async () => {
    const page = await served.browser.newPage();
    await page.goto(`${served.site.url}checklist/?v=1&u=${school.id}&r=parent&p=max&q=result`, { waitUntil: 'networkidle' });
    await page.getByRole('checkbox', { name: dutyText('parent-join') }).check();
    const text = (await printedText(page)).join(' ');
    expect(text).toContain('Чек-лист: Родитель (законный представитель)');
    for (const id of ['parent-join', 'parent-child-registration', 'parent-chats']) expect(text).toContain(dutyText(id).slice(0, 40));
    expect(text.match(/✓/g) ?? [], 'отмеченные пункты').toHaveLength(1);
    expect(text).toContain(`✓ ${dutyText('parent-join').slice(0, 30)}`);
    expect(text).toContain('Основание: по нашему положению, п. 2.6, подп. 1;'); // the school's own act cited first
    expect(text).not.toMatch(/\(\/[a-z]/); // no «(/docs/…)» after the clause links, no «(/roles/…)»
    for (const word of SCREEN_ONLY) expect(text, word).not.toContain(word);
    await page.close();
  });

  it('an unticked checklist prints no tick', async () => {
    const page = await served.browser.newPage();
    await page.goto(`${served.site.url}checklist/?v=1&u=${school.id}&r=student&p=max&q=result`, { waitUntil: 'networkidle' });
    expect((await printedText(page)).join(' ')).not.toContain('✓');
    await page.close();
  });

  it('a regulation prints its text, the address after an external link, and none of the site’s controls', async () => {
    const page = await served.browser.newPage();
    await page.goto(`${served.site.url}docs/tekhnikum/`, { waitUntil: 'networkidle' });
    const text = (await printedText(page)).join(' ');
    expect(text).toContain('Этика общения в учебном профиле VK-мессенджера.');
    expect(text).toContain('21.4.');
    for (const word of SCREEN_ONLY) expect(text, word).not.toContain(word);
    await page.goto(`${served.site.url}docs/minprosveshcheniya-04-423/`, { waitUntil: 'networkidle' });
    expect((await printedText(page)).join(' ')).toMatch(/\(https:\/\/sferum\.ru/);
    await page.close();
  });

  it('the parents’ poster prints on one page: the institution, three steps, the administrator, no raw paths', async () => {
    const page = await served.browser.newPage();
    await page.goto(`${served.site.url}${DEMO_SECTION}roditelyam/plakat/`, { waitUntil: 'networkidle' });
    const pages = await printedText(page);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain(school.name);
    expect(pages[0]).toContain(school.admin.name);
    expect(pages[0]).not.toMatch(/\(\/[a-z]|\(https?:/);
    for (const word of SCREEN_ONLY) expect(pages[0], word).not.toContain(word);
    await page.close();
  });

  it('a role handout prints on one page with its duties and no raw paths', async () => {
    const page = await served.browser.newPage();
    await page.goto(`${served.site.url}${DEMO_SECTION}pamyatki/parents/`, { waitUntil: 'networkidle' });
    const pages = await printedText(page);
    expect(pages).toHaveLength(1);
    expect(pages[0]).toContain(dutyText('parent-join').slice(0, 40));
    expect(pages[0]).not.toMatch(/\(\/[a-z]/);
    await page.close();
  });
});
