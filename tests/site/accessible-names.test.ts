/**
 * Controls found as a screen reader finds them: by role and accessible name, never by id or class.
 * A label that lost its `for`, a live region that lost its role or an error no longer tied to its field fails here,
 * even where axe passes (a placeholder still names a box; an unlinked error is still text on the page).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { servedInBrowser } from '../support/served.ts';

const served = servedInBrowser();

async function open(path: string, permissions: string[] = []): Promise<Page> {
  const context = await served.browser.newContext();
  if (permissions.length) await context.grantPermissions(permissions, { origin: new URL(served.site.url).origin });
  const page = await context.newPage();
  await page.goto(served.site.url + path, { waitUntil: 'networkidle' });
  return page;
}

/** The accessible description a screen reader reads after a control's name: the texts its aria-describedby points to. */
const description = (page: Page, role: 'group' | 'searchbox', name: string) =>
  page.getByRole(role, { name, exact: true }).evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent?.trim())
      .join(' '),
  );

describe('controls by role and accessible name', () => {
  it('the header search box is named by its label, in a named search landmark, with its button', async () => {
    const page = await open('docs/tekhnikum/');
    const search = page.getByRole('search', { name: 'Поиск по сайту' });
    const box = search.getByRole('searchbox', { name: 'Поиск по документам', exact: true });
    await expect(box.count()).resolves.toBe(1);
    // Named by the <label>, not by the placeholder a missing `for` would fall back to.
    await expect(page.getByLabel('Поиск по документам', { exact: true }).getAttribute('name')).resolves.toBe('q');
    await box.fill('этика общения');
    await search.getByRole('button', { name: 'Найти' }).click();
    await page.waitForURL(/\/search\/\?q=/);
    await expect(page.getByRole('searchbox', { name: 'Что вы хотите узнать?', exact: true }).inputValue()).resolves.toBe('этика общения');
    await expect.poll(() => page.getByRole('status').filter({ hasText: /^Найдено \d+/ }).count(), { timeout: 20_000 }).toBe(1);
    await page.context().close();
  });

  it('the search page names its filters and describes its box', async () => {
    const page = await open('search/');
    // The filters fold away (a phone shows results first); opened, they are named.
    await page.getByText('Уточнить: документ, тип учреждения, роль', { exact: true }).click();
    for (const name of ['Документ', 'Тип учреждения', 'Роль']) await expect(page.getByRole('combobox', { name }).count(), name).resolves.toBe(1);
    await expect(description(page, 'searchbox', 'Что вы хотите узнать?')).resolves.toMatch(/\S/);
    await page.context().close();
  });

  it('«ссылка на пункт» says in a live status region that the link is copied', async () => {
    const page = await open('docs/tekhnikum/', ['clipboard-read', 'clipboard-write']);
    await page.getByRole('link', { name: 'ссылка на пункт п.\u00a021.4', exact: true }).click();
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toBe('Ссылка на пункт скопирована');
    await page.context().close();
  });

  it('every wizard question is a named group of named radio buttons with a named button', async () => {
    const page = await open('checklist/?u=kerch-shkola-12');
    const steps: Array<[string, string]> = [
      ['Кто вы?', 'Педагог'],
      // Where the chats are is in the school's settings: not asked, shown on «Проверьте ответы» with «Изменить».
      ['Чаты в вашем регионе создаёт региональная ГИС?', 'Да'],
    ];
    for (const [question, option] of steps) {
      const group = page.getByRole('group', { name: question, exact: true });
      await expect(group.getByRole('radio').count(), question).resolves.toBeGreaterThan(1);
      await group.getByRole('radio', { name: option, exact: true }).check();
      await page.getByRole('button', { name: 'Продолжить', exact: true }).click();
    }
    await expect(page.getByRole('heading', { level: 1, name: 'Проверьте ответы' }).count()).resolves.toBe(1);
    await page.getByRole('link', { name: 'Изменить ответ «Где чаты»' }).click();
    const platform = page.getByRole('group', { name: 'Где сейчас чаты вашего учреждения?', exact: true });
    await expect(platform.getByRole('radio').count()).resolves.toBeGreaterThan(1);
    await expect(platform.getByRole('radio', { name: 'В MAX', exact: true }).isChecked()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Продолжить', exact: true }).click();
    await page.getByRole('link', { name: 'Изменить ответ «Чаты создаёт ГИС»' }).click();
    await expect(page.getByRole('group', { name: 'Чаты в вашем регионе создаёт региональная ГИС?' }).getByRole('radio', { name: 'Да' }).isChecked()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Продолжить', exact: true }).click();
    await page.getByRole('button', { name: 'Показать мой чек-лист', exact: true }).click();
    for (const name of ['Распечатать', 'Скопировать текстом', 'Поделиться ссылкой']) await expect(page.getByRole('button', { name, exact: true }).count(), name).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Начать заново', exact: true }).count()).resolves.toBe(1);
    // A teacher at a school whose chats the regional GIS creates: the GIS variants, not the invitation ones.
    const duties = await page.getByRole('checkbox').evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).labels?.[0]?.textContent?.trim()));
    expect(duties).toEqual(expect.arrayContaining(['Создайте учебный профиль и обеспечьте его безопасность.']));
    expect(duties.filter((text) => text?.startsWith('Присоединитесь к учреждению по ссылке-приглашению'))).toEqual([]);
    await page.getByRole('checkbox', { name: 'Создайте учебный профиль и обеспечьте его безопасность.', exact: true }).check();
    await expect(page.getByText(/^Выполнено: 1 из \d+$/).count()).resolves.toBe(1);
    await page.context().close();
  });

  it('an unanswered question: an alert whose link leads to the group, and the error read with the group', async () => {
    const page = await open('checklist/?u=kerch-shkola-12');
    await page.getByRole('button', { name: 'Продолжить', exact: true }).click();
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading', { name: 'Есть ошибки' }).count()).resolves.toBe(1);
    await expect(description(page, 'group', 'Кто вы?')).resolves.toContain('Ошибка: Выберите, кто вы');
    // The summary's link leads to the first option of the group in error.
    const target = await alert.getByRole('link', { name: 'Выберите, кто вы', exact: true }).evaluate((link) => {
      const field = document.getElementById((link as HTMLAnchorElement).hash.slice(1)) as HTMLInputElement | null;
      return { type: field?.type, group: field?.closest('fieldset')?.querySelector('legend')?.textContent?.trim() };
    });
    expect(target).toEqual({ type: 'radio', group: 'Кто вы?' });
    await page.context().close();
  });

  it('the checklist copy result is announced in a status region', async () => {
    const page = await open('checklist/?v=1&u=kerch-shkola-12&r=student&p=max&q=result', ['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Скопировать текстом', exact: true }).click();
    await expect.poll(() => page.getByRole('status').textContent(), { timeout: 10_000 }).toBe('Чек-лист скопирован текстом.');
    await page.context().close();
  });
});
