/** The role wizard in a real browser: keyboard only, axe on every step, URL and saved state, bad input, no network. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { tabTo } from '../support/browser.ts';
import { servedInBrowser } from '../support/served.ts';
import { axeViolations } from '../support/axe.ts';
import { printedText } from '../support/print.ts';
import { ROOT } from '../support/project.ts';

const catalogue = JSON.parse(readFileSync(join(ROOT, 'content/duties.json'), 'utf8')) as {
  roles: { id: string; name: string }[];
  duties: { id: string; roles: string[]; types: string[]; text: string; refs: string[]; when?: Record<string, boolean> }[];
};

const served = servedInBrowser();
let context: BrowserContext;

async function fresh(): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  await context?.close();
  context = await served.browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(served.site.url).origin });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('dialog', (dialog) => errors.push(`dialog: ${dialog.message()}`));
  return { page, requests, errors };
}

/** The demo serves five institutions: the wizard is opened for one of them (the school), as its pages link to it. */
const SCHOOL = 'u=kerch-shkola-12';
const wizardUrl = (query = '') => `${served.site.url}checklist/${query ? `${query}&${SCHOOL}` : `?${SCHOOL}`}`;

/** Answers the question on screen with the keyboard: the option whose label is given, then «Продолжить». */
async function answerWithKeyboard(page: Page, label: string) {
  const radios = page.locator('fieldset input[type=radio]');
  const labels = await page.locator('fieldset label').allTextContents();
  const index = labels.indexOf(label);
  if (index < 0) throw new Error(`no option «${label}» among ${labels.join(', ')}`);
  const name = await radios.first().getAttribute('name');
  await tabTo(page, `input[name="${name}"]`);
  await page.keyboard.press('Space');
  const checkedIndex = await radios.evaluateAll((inputs) => inputs.findIndex((input) => (input as HTMLInputElement).checked));
  for (let i = checkedIndex; i < index; i++) await page.keyboard.press('ArrowDown');
  for (let i = checkedIndex; i > index; i--) await page.keyboard.press('ArrowUp');
  await tabTo(page, '#wizard button[type=submit]');
  await page.keyboard.press('Enter');
}

const heading = (page: Page) => page.locator('h1').textContent();
const items = (page: Page) => page.locator('.duty label').allTextContents();

/** Answers for each role on the default site (a school, chats in MAX). */
const EXTRA: Record<string, string[]> = { admin: ['Нет'], 'class-teacher': ['Не знаю'], teacher: ['Да'] };
/** What those answers mean: registered «Нет»; GIS «Не знаю» (both variants, each labelled) or «Да» (as the GIS staff role implies). */
const VARIANTS: Record<string, { registered?: boolean[]; gis?: boolean[] }> = { admin: { registered: [false] }, 'class-teacher': { gis: [true, false] }, teacher: { gis: [true] }, 'gis-staff': { gis: [true] } };
const CONDITION: Record<string, string> = { 'gis:true': 'Если чаты создаёт региональная ГИС: ', 'gis:false': 'Если чаты не создаёт региональная ГИС: ' };

/** The checklist a role gets at the default school from its answers, read from the catalogue: the items' labels. */
function expectedItems(role: string): string[] {
  const variants = VARIANTS[role] ?? {};
  return catalogue.duties
    .filter((duty) => duty.roles.includes(role) && duty.types.includes('школа'))
    .filter((duty) => Object.entries(duty.when ?? {}).every(([key, value]) => (variants[key as 'gis'] ?? [false]).includes(value)))
    .map((duty) => {
      const [key, value] = Object.entries(duty.when ?? {})[0] ?? [];
      const several = key !== undefined && (variants[key as 'gis']?.length ?? 0) > 1;
      return `${several ? CONDITION[`${key}:${value}`] : ''}${duty.text}`;
    });
}

describe('role wizard', () => {
  it.each(catalogue.roles.map((role) => [role.id, role.name] as const))('%s: completed with the keyboard alone, axe clean on every step', async (id, name) => {
    const { page, errors } = await fresh();
    await page.goto(wizardUrl(), { waitUntil: 'networkidle' });
    expect(await heading(page)).toBe('Кто вы?');
    expect(await axeViolations(page)).toEqual([]);
    // Where the chats are is in the school's settings: the wizard does not ask, and says so on «Проверьте ответы».
    for (const label of [name, ...(EXTRA[id] ?? [])]) {
      await answerWithKeyboard(page, label);
      expect(await axeViolations(page), `после «${label}»`).toEqual([]);
    }
    expect(await heading(page)).toBe('Проверьте ответы');
    expect(await page.locator('.summary-list').textContent()).toContain('Где чатыВ MAX — так указано в настройках сайта учреждения, вопрос пропущен');
    await tabTo(page, '#wizard button.button');
    await page.keyboard.press('Enter');
    expect(await heading(page)).toBe(`Чек-лист: ${name}`);
    expect((await items(page)).sort()).toEqual(expectedItems(id).sort());
    expect(await page.locator('.refs a').count()).toBe(catalogue.duties.filter((duty) => expectedItems(id).some((item) => item.endsWith(duty.text))).reduce((sum, duty) => sum + duty.refs.length, 0));
    expect(await axeViolations(page)).toEqual([]);
    expect(page.url()).toContain(`r=${id}`);
    expect(errors).toEqual([]);
  });

  it('validates an empty answer: error summary focused, title prefixed «Ошибка:», the wizard keeps working', async () => {
    const { page } = await fresh();
    await page.goto(wizardUrl(), { waitUntil: 'networkidle' });
    await tabTo(page, '#wizard button[type=submit]');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
    expect(await page.locator('.error-summary').textContent()).toContain('Есть ошибки');
    expect(await page.title()).toMatch(/^Ошибка: Кто вы\?/);
    expect(await axeViolations(page)).toEqual([]);
    await answerWithKeyboard(page, 'Родитель (законный представитель)');
    expect(await heading(page)).toBe('Проверьте ответы');
  });

  it('Back link, the browser Back and Forward, «Изменить» and a copied link all reproduce the same checklist', async () => {
    const { page } = await fresh();
    await page.goto(wizardUrl(), { waitUntil: 'networkidle' });
    await answerWithKeyboard(page, 'Администратор платформы');
    // The platform is in the school's settings: the next question is the registration, and Back skips the platform.
    expect(await heading(page)).toBe('Учреждение уже зарегистрировано на платформе «Сферум»?');
    await page.locator('a.back-link').click();
    expect(await heading(page)).toBe('Кто вы?');
    expect(await page.getByRole('radio', { name: 'Администратор платформы' }).isChecked()).toBe(true);
    await page.goBack();
    expect(await heading(page)).toBe('Учреждение уже зарегистрировано на платформе «Сферум»?');
    // The browser's Back from here shows the role question with its answer still chosen.
    await page.goBack();
    expect(await heading(page)).toBe('Кто вы?');
    expect(await page.getByRole('radio', { name: 'Администратор платформы' }).isChecked()).toBe(true);
    await page.goForward();
    await answerWithKeyboard(page, 'Нет');
    await page.getByRole('button', { name: 'Показать мой чек-лист' }).click();
    const result = await items(page);
    const url = page.url();
    await page.goBack();
    expect(await heading(page)).toBe('Проверьте ответы');
    await page.goForward();
    expect(await items(page)).toEqual(result);
    expect(result.some((text) => text.startsWith('Отправьте заявку'))).toBe(true);

    const other = await context.newPage();
    await other.goto(url, { waitUntil: 'networkidle' });
    expect(await items(other)).toEqual(result);

    // The platform the settings gave can still be changed: its question opens with the settings' answer chosen.
    await page.goBack();
    await page.getByRole('link', { name: 'Изменить ответ «Где чаты»' }).click();
    await expect.poll(() => heading(page), { timeout: 10_000 }).toBe('Где сейчас чаты вашего учреждения?');
    expect(await page.locator('input[value=max]').isChecked()).toBe(true);
    await answerWithKeyboard(page, 'В VK Мессенджере');
    expect(await heading(page)).toBe('Проверьте ответы');
    expect(await page.locator('.summary-list').textContent()).toContain('Где чатыВ VK Мессенджере');
    expect(await page.locator('.summary-list').textContent()).not.toContain('вопрос пропущен');
    expect(page.url()).toContain('p=vk');
    await page.getByRole('link', { name: /Изменить ответ «Учреждение зарегистрировано»/ }).click();
    await expect.poll(() => heading(page), { timeout: 10_000 }).toBe('Учреждение уже зарегистрировано на платформе «Сферум»?');
    await answerWithKeyboard(page, 'Да');
    await page.getByRole('button', { name: 'Показать мой чек-лист' }).click();
    expect((await items(page)).some((text) => text.startsWith('Отправьте заявку'))).toBe(false);
  });

  it('keeps ticks across a reload, per role, and prints a clean checklist with empty boxes', async () => {
    const { page } = await fresh();
    await page.goto(wizardUrl('?v=1&r=parent&p=max&q=result'), { waitUntil: 'networkidle' });
    const total = await page.locator('.duty input').count();
    expect(await page.locator('.progress').textContent()).toBe(`Выполнено: 0 из ${total}`);
    await page.locator('.duty input').first().focus();
    await page.keyboard.press('Space');
    await page.locator('.duty input').nth(2).check();
    expect(await page.locator('.progress').textContent()).toBe(`Выполнено: 2 из ${total}`);
    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.locator('.progress').textContent()).toBe(`Выполнено: 2 из ${total}`);
    expect(await page.locator('.duty input').first().isChecked()).toBe(true);

    // The same role's checklist for VK: the same duties, the same ticks. Another role's checklist has its own.
    const ticked = await page.locator('.duty input:checked').evaluateAll((boxes) => boxes.map((box) => box.id));
    await page.goto(wizardUrl('?v=1&r=parent&p=vk&q=result'), { waitUntil: 'networkidle' });
    expect(await page.locator('.duty input:checked').evaluateAll((boxes) => boxes.map((box) => box.id))).toEqual(ticked);
    await page.goto(wizardUrl('?v=1&r=student&p=vk&q=result'), { waitUntil: 'networkidle' });
    expect(await page.locator('.progress').textContent()).toMatch(/^Выполнено: 0 из/);

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.duty').first().isVisible()).toBe(true);
    expect(await page.locator('.actions').isVisible()).toBe(false);
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.duty input').first().evaluate((input) => getComputedStyle(input).appearance)).toBe('none');
    // The student's checklist has no ticks yet: every box prints empty.
    const printed = (await printedText(page)).join(' ');
    expect(printed).toContain('Чек-лист: Обучающийся');
    expect(printed).not.toContain('✓');
  });

  it('copies the checklist as text and the link to it', async () => {
    const { page } = await fresh();
    await page.goto(wizardUrl('?v=1&r=student&p=max&q=result'), { waitUntil: 'networkidle' });
    await page.getByRole('button', { name: 'Скопировать текстом' }).click();
    await expect.poll(() => page.locator('.status').textContent()).toBe('Чек-лист скопирован текстом.');
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toMatch(/^Чек-лист: Обучающийся\n\nРЕГИСТРАЦИЯ\n\[ \] /);
    expect(text).toContain('Основание: ');
    await page.evaluate(() => Object.defineProperty(navigator, 'share', { value: undefined }));
    await page.getByRole('button', { name: 'Поделиться ссылкой' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
  });

  it('reports tampered query values in Russian and keeps working', async () => {
    const { page, errors } = await fresh();
    await page.goto(wizardUrl('?v=1&r=admin&p=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&q=result'), { waitUntil: 'networkidle' });
    const alert = page.locator('.notice[role=alert]');
    expect(await alert.textContent()).toContain('В ссылке неизвестный ответ «"><img src=x onerror=alert(1)>» на вопрос «Где сейчас чаты вашего учреждения?»');
    expect(await page.locator('.wizard img').count()).toBe(0);
    // The bad value is dropped: the school's settings answer where the chats are, the next unanswered question shows.
    expect(await heading(page)).toBe('Учреждение уже зарегистрировано на платформе «Сферум»?');
    await answerWithKeyboard(page, 'Не знаю');
    expect(await heading(page)).toBe('Проверьте ответы');
    expect(await page.locator('.summary-list').textContent()).toContain('Где чатыВ MAX — так указано в настройках');
    await page.goto(wizardUrl('?v=7&r=admin'), { waitUntil: 'networkidle' });
    expect(await alert.textContent()).toContain('другой версии мастера');
    expect(await heading(page)).toBe('Ваше учреждение');
    expect(errors).toEqual([]);
  });

  it('keeps a corrupted or old saved entry aside, says so, and starts the ticks afresh', async () => {
    const { page } = await fresh();
    await page.goto(wizardUrl(), { waitUntil: 'networkidle' });
    const key = 'sferum-ticks:v1:parent:kerch-shkola-12';
    await page.evaluate((k) => {
      localStorage.setItem(k, '{"v":1,"done":[');
      localStorage.setItem('sferum-fields', '{"v":0,"fields":{}}');
    }, key);
    await page.goto(wizardUrl('?v=1&r=parent&p=max&q=result'), { waitUntil: 'networkidle' });
    expect(await page.locator('.notice[role=alert]').first().textContent()).toContain('Сохранённые отметки повреждены и не прочитаны.');
    const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':не-прочитано:')).map((k) => localStorage.getItem(k)));
    expect(aside).toContain('{"v":1,"done":[');
    await page.locator('.duty input').first().check();
    expect(await page.locator('.progress').textContent()).toMatch(/^Выполнено: 1 из/);

    await page.goto(wizardUrl('?v=1&r=admin&p=max&reg=no&q=result'), { waitUntil: 'networkidle' });
    expect(await page.locator('.templates .notice').textContent()).toContain('Сохранённые поля записаны в другом формате (версия 0)');
  });

  it('treats hostile text in every field as text, validates phone and e-mail, keeps the fields on the device only', async () => {
    const { page, errors } = await fresh();
    const hostile = ['<script>window.__pwned=1</script>', '"><img src=x onerror="window.__pwned=1">'];
    for (const query of ['?v=1&r=admin&p=max&reg=no&q=result', '?v=1&r=class-teacher&p=max&gis=no&q=result']) {
      await page.goto(wizardUrl(query), { waitUntil: 'networkidle' });
      for (const form of await page.locator('.template form').all()) {
        const inputs = await form.locator('input').all();
        for (const [i, input] of inputs.entries()) await input.fill(hostile[i % 2]);
        await form.getByRole('button', { name: 'Составить текст' }).click();
        const summary = form.locator('.error-summary');
        if (await summary.count()) {
          await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('error-summary');
          for (const input of inputs) {
            const type = await input.getAttribute('type');
            if (type === 'tel') await input.fill('8 912 345-67-89');
            if (type === 'email') await input.fill('admin@school.ru');
            if (type === 'url') await input.fill('https://example.ru/invite');
          }
          await form.getByRole('button', { name: 'Составить текст' }).click();
        }
        expect(await form.locator('.error-summary').count()).toBe(0);
      }
      const texts = await page.locator('.template-result textarea').evaluateAll((areas) => areas.map((a) => (a as HTMLTextAreaElement).value));
      expect(texts.length).toBeGreaterThan(0);
      expect(texts.some((text) => text.includes(hostile[0]) || text.includes(hostile[1]))).toBe(true);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.locator('.templates img, .templates script').count()).toBe(0);
      expect(decodeURIComponent(page.url())).not.toContain('script');
    }
    // What was typed stays on the device: back after a reload, and never in the address.
    await page.goto(wizardUrl('?v=1&r=admin&p=max&reg=no&q=result'), { waitUntil: 'networkidle' });
    expect(hostile).toContain(await page.locator('.template input').first().inputValue());
    expect(decodeURIComponent(page.url())).not.toMatch(/script|onerror/);
    expect(errors).toEqual([]);
  });

  it('shows wrong phone and e-mail formats in Russian next to the fields', async () => {
    const { page } = await fresh();
    await page.goto(wizardUrl('?v=1&r=admin&p=max&reg=no&q=result'), { waitUntil: 'networkidle' });
    await page.getByLabel('Полное название учреждения').fill('МБОУ СОШ № 1');
    await page.getByLabel('Фамилия, имя, отчество администратора').fill('Иванова Мария Петровна');
    await page.getByLabel('Мобильный телефон администратора').fill('12345');
    await page.getByLabel('Электронная почта администратора', { exact: true }).fill('ivanova@');
    await page.getByRole('button', { name: 'Составить текст' }).click();
    const summary = await page.locator('.error-summary').textContent();
    expect(summary).toContain('Введите мобильный номер в формате +7 900 000-00-00');
    expect(summary).toContain('Введите адрес электронной почты в формате name@example.ru');
    expect(await page.getByLabel('Мобильный телефон администратора').getAttribute('aria-invalid')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Мобильный телефон администратора').fill('+7 912 345 67 89');
    await page.getByLabel('Электронная почта администратора', { exact: true }).fill('ivanova@school.ru');
    await page.getByRole('button', { name: 'Составить текст' }).click();
    const href = await page.getByRole('link', { name: 'Открыть в почтовой программе' }).getAttribute('href');
    expect(href?.startsWith('mailto:info@sferum.ru?subject=%D0%A1%D0%A4%D0%95%D0%A0%D0%A3%D0%9C')).toBe(true);
    expect(decodeURIComponent(href!)).toContain('Мобильный телефон администратора: +7 912 345-67-89');
  });

  it('asks «Ваше учреждение» when the link does not say, and grounds the checklist in that institution’s own act', async () => {
    const { page, errors } = await fresh();
    await page.goto(`${served.site.url}checklist/`, { waitUntil: 'networkidle' });
    expect(await heading(page)).toBe('Ваше учреждение');
    await answerWithKeyboard(page, 'Школа № 12 (Керчь)');
    expect(await heading(page)).toBe('Кто вы?');
    for (const label of ['Классный руководитель или куратор группы', 'Нет']) await answerWithKeyboard(page, label);
    await page.getByRole('button', { name: 'Показать мой чек-лист' }).click();
    const refs = await page.locator('.checklist').first().locator('.refs').allTextContents();
    expect(refs.every((text) => /^Основание: по нашему положению, п\./.test(text)), refs.join('\n')).toBe(true);
    const apart = page.locator('section.elsewhere');
    expect(await apart.locator('h2').first().textContent()).toBe('Чего нет в нашем документе: как это устроено в других учреждениях');
    expect(await apart.locator('.refs').first().textContent()).toMatch(/в других учреждениях так: |Минпросвещения России/);
    expect(await axeViolations(page)).toEqual([]);
    expect(page.url()).toContain('u=kerch-shkola-12');
    expect(errors).toEqual([]);
  });

  it('shares ticks with the role’s page, both ways, and «Начать заново» clears this checklist’s ticks there too', async () => {
    const { page } = await fresh();
    const rolePage = `${served.site.url}uchrezhdeniya/kerch-shkola-12/roles/teachers/`;
    await page.goto(rolePage, { waitUntil: 'networkidle' });
    expect(await page.getByText('Отмеченные пункты сохраняются на этом устройстве и видны в мастере', { exact: false }).isVisible()).toBe(true);
    const onPage = page.getByRole('checkbox', { name: /Присоединитесь к учреждению по ссылке-приглашению/ }).first();
    await onPage.check();
    await page.reload({ waitUntil: 'networkidle' });
    expect(await onPage.isChecked()).toBe(true);

    // The role page's link opens the wizard with the role and the institution given: the next question is the GIS.
    await page.getByRole('link', { name: 'Пройти мастер' }).click();
    await expect.poll(() => heading(page)).toBe('Чаты в вашем регионе создаёт региональная ГИС?');
    await answerWithKeyboard(page, 'Нет');
    await page.getByRole('button', { name: 'Показать мой чек-лист' }).click();
    const inWizard = page.getByRole('checkbox', { name: /^Присоединитесь к учреждению по ссылке-приглашению/ }).first();
    expect(await inWizard.isChecked()).toBe(true);
    expect(await page.locator('.progress').textContent()).toMatch(/^Выполнено: 1 из/);
    const other = page.getByRole('checkbox').nth(3);
    await other.check();
    const otherId = await other.getAttribute('id');

    const second = await context.newPage();
    await second.goto(rolePage, { waitUntil: 'networkidle' });
    expect(await second.locator(`[id="${otherId}"]`).isChecked()).toBe(true);

    page.once('dialog', (dialog) => dialog.accept());
    await page.getByRole('link', { name: 'Начать заново' }).click();
    await expect.poll(() => second.locator(`[id="${otherId}"]`).isChecked()).toBe(false);
    expect(await second.getByRole('checkbox', { checked: true }).count()).toBe(0);
  });

  it('without JavaScript, points to the static role pages with every variant', async () => {
    await context?.close();
    context = await served.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(wizardUrl(), { waitUntil: 'networkidle' });
    const links = await page.locator('noscript a, .notice a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(expect.arrayContaining(['/roles/parents/', '/roles/admins/', '/roles/class-teachers/']));
    // The form, which cannot work without the script, is not offered.
    expect(await page.getByRole('button', { name: 'Продолжить' }).isVisible()).toBe(false);
    await page.goto(`${served.site.url}roles/admins/`);
    const labels = await items(page);
    expect(labels.some((text) => text.startsWith('Если учреждение ещё не зарегистрировано: Отправьте заявку'))).toBe(true);
  });

  it('sends no network request while the wizard runs', async () => {
    const { page, requests } = await fresh();
    await page.goto(wizardUrl(), { waitUntil: 'networkidle' });
    requests.length = 0;
    await answerWithKeyboard(page, 'Классный руководитель или куратор группы');
    await answerWithKeyboard(page, 'Нет');
    await page.getByRole('button', { name: 'Показать мой чек-лист' }).click();
    await page.locator('.duty input').first().check();
    await page.getByRole('button', { name: 'Скопировать текстом' }).click();
    await page.getByLabel('Название чата').fill('7 «Б»');
    await page.getByLabel('Модератор чата: ваше имя').fill('Анна Сергеевна');
    await page.getByRole('button', { name: 'Составить текст' }).first().click();
    page.once('dialog', (dialog) => dialog.accept());
    await page.getByRole('link', { name: 'Начать заново' }).click();
    expect(await heading(page)).toBe('Кто вы?');
    await page.goBack();
    await page.goForward();
    await page.waitForTimeout(200);
    // Chromium fetches the tab's icon again on every history entry: the browser's own request, carrying nothing of the page.
    expect(requests.filter((url) => !url.endsWith('/favicon.svg'))).toEqual([]);
  });
});
