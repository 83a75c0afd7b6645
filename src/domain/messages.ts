/**
 * Ready-made texts filled from what the person types. The fields stay on the device (localStorage);
 * nothing here reaches the URL. Pure and free of zod: shipped to the browser.
 */
import type { Role } from './roles.ts';
import type { BasisEntry } from './claims.ts';

export const REGISTRATION_ADDRESS = 'info@sferum.ru';
export const REGISTRATION_SUBJECT = 'СФЕРУМ: Регистрация организации';
/** The questionnaire the Ministry's letter 04-423 (разд. 4, абз. 5) asks to fill in. */
export const REGISTRATION_FORM_URL = 'https://vk.cc/cnEOTn';

export type FieldKind = 'text' | 'phone' | 'email' | 'url';
export interface Field {
  id: string;
  label: string;
  hint?: string;
  kind: FieldKind;
  required: boolean;
  /** Browser autocomplete token. */
  autocomplete?: string;
}
/** A ready-made text: lines with `{field}` placeholders. Plain data, so pages pass it to the island as props. */
export interface Template {
  id: 'registration-email' | 'chat-rules' | 'parent-invitation';
  title: string;
  intro: string;
  fields: Field[];
  lines: string[];
}

const MAX_LENGTH = 300;

/** A mobile number in Russia: +7 or 8, then 10 digits starting with 9. Returns the normalised form or undefined. */
export function normalisePhone(raw: string): string | undefined {
  const digits = raw.replace(/[\s()-]/g, '');
  const match = /^(?:\+7|8|7)(9\d{9})$/.exec(digits);
  if (!match) return undefined;
  const d = match[1];
  return `+7 ${d.slice(0, 3)} ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}`;
}

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+\.[^\s@<>"]{2,}$/;
const URL_PATTERN = /^https:\/\/[^\s<>"]+$/;

/** Russian message for a wrong value, or undefined when it is fine. */
export function fieldError(field: Field, raw: string): string | undefined {
  const value = raw.trim();
  if (!value) return field.required ? `Заполните поле «${field.label}»` : undefined;
  if (value.length > MAX_LENGTH) return `Поле «${field.label}» слишком длинное: не больше ${MAX_LENGTH} знаков`;
  if (field.kind === 'phone' && !normalisePhone(value)) return 'Введите мобильный номер в формате +7 900 000-00-00';
  if (field.kind === 'email' && !EMAIL.test(value)) return 'Введите адрес электронной почты в формате name@example.ru';
  if (field.kind === 'url' && !URL_PATTERN.test(value)) return 'Вставьте ссылку-приглашение целиком, она начинается с https://';
  return undefined;
}

/** The text with the person's values in place of `{field}`; phone numbers normalised. Nothing is interpreted. */
export function fillTemplate(template: Template, values: Record<string, string>): string {
  const value = (id: string) => {
    const raw = (values[id] ?? '').trim();
    return template.fields.find((field) => field.id === id)?.kind === 'phone' ? (normalisePhone(raw) ?? raw) : raw;
  };
  return template.lines.join('\n').replace(/\{([a-z]+)\}/g, (_, id: string) => value(id));
}

export const TEMPLATES: readonly Template[] = [
  {
    id: 'registration-email',
    title: 'Письмо с заявкой на регистрацию',
    intro: `Заявку отправляют на ${REGISTRATION_ADDRESS} с темой «${REGISTRATION_SUBJECT}». Приложите документ о назначении администратора и заполните анкету.`,
    fields: [
      { id: 'org', label: 'Полное название учреждения', kind: 'text', required: true, autocomplete: 'organization' },
      { id: 'name', label: 'Фамилия, имя, отчество администратора', kind: 'text', required: true, autocomplete: 'name' },
      { id: 'phone', label: 'Мобильный телефон администратора', hint: 'На этот номер администратор получит права: с ним же нужно входить на платформу.', kind: 'phone', required: true, autocomplete: 'tel' },
      { id: 'email', label: 'Электронная почта администратора', kind: 'email', required: true, autocomplete: 'email' },
    ],
    lines: [
        'Здравствуйте!',
        '',
        `Просим зарегистрировать на платформе «Сферум» образовательную организацию: {org}.`,
        '',
        `Администратор платформы: {name}`,
        `Мобильный телефон администратора: {phone}`,
        `Электронная почта администратора: {email}`,
        '',
        'Приложения:',
        '1) документ на бланке организации за подписью руководителя и печатью о назначении администратора с его контактными данными (Ф.И.О., мобильный номер телефона);',
        `2) анкета заполнена в электронном виде: https://vk.cc/cnEOTn.`,
        '',
        'С уважением,',
        '{name}',
      ],
  },
  {
    id: 'chat-rules',
    title: 'Правила общения для чата',
    intro: 'В техникуме модератор знакомит человека с правилами общения, прежде чем добавить его в чат. Текст составлен по п. 21.4 «Этика общения» порядка техникума и пп. 4.5–4.6 порядка детского сада № 27.',
    fields: [
      { id: 'chat', label: 'Название чата', hint: 'Например: 7 «Б», родители', kind: 'text', required: true },
      { id: 'moderator', label: 'Модератор чата: ваше имя', kind: 'text', required: true, autocomplete: 'name' },
    ],
    lines: [
        `Правила общения в чате «{chat}»`,
        '',
        '1. Чат нужен для оперативной связи: информация от администрации и педагогов, решение организационных вопросов.',
        `2. Модератор чата — {moderator}. Модератор следит за порядком и вовремя удаляет негативную и избыточную информацию.`,
        '3. Пишем вежливо, без ненормативной лексики и оскорблений.',
        '4. Не размещаем то, что нарушает права и интересы других людей, не собираем чужие персональные данные и никому не передаём доступ к своему аккаунту.',
        '5. Если правила нарушаются, модератор напоминает о них, а тому, кто их не соблюдает, может ограничить доступ к чату. По причинам, не связанным с правилами, участников не удаляют.',
        '6. Когда работник увольняется или обучающийся выбывает, модератор удаляет из чата работника или обучающегося вместе с его родителями.',
      ],
  },
  {
    id: 'parent-invitation',
    title: 'Приглашение для родителей',
    intro: 'Текст сообщения для родителей со ссылкой-приглашением в чат. Ссылку создайте на платформе и вставьте сюда.',
    fields: [
      { id: 'group', label: 'Класс или группа', hint: 'Например: 3 «А» или группа «Солнышко»', kind: 'text', required: true },
      { id: 'link', label: 'Ссылка-приглашение', kind: 'url', required: true },
      { id: 'teacher', label: 'Ваше имя и отчество', kind: 'text', required: true, autocomplete: 'name' },
    ],
    lines: [
        'Уважаемые родители!',
        '',
        `Приглашаю вас в чат «{group}» на образовательной платформе «Сферум». Доступ бесплатный. Чтобы присоединиться, откройте ссылку-приглашение:`,
        '{link}',
        '',
        'Если ссылка не открывается или появляется ошибка, попробуйте открыть её на другом устройстве или в другом браузере, а затем напишите мне.',
        '{teacher}',
      ],
  },
];

/**
 * What the ready-made texts state as a rule, with the source words (src/domain/claims.ts). Kept beside the templates
 * and out of them, so the browser never downloads it; each `text` is checked to be in its template.
 */
export const TEMPLATE_BASIS: Record<Template['id'], { text: string; basis: BasisEntry[] }[]> = {
  'registration-email': [
    {
      text: `Заявку отправляют на ${REGISTRATION_ADDRESS} с темой «${REGISTRATION_SUBJECT}». Приложите документ о назначении администратора и заполните анкету.`,
      basis: [
        { ref: 'minprosveshcheniya-04-423#p-4-abz-4', quote: 'Регистрация образовательной организации на ИКОП Сферум осуществляется на основании заявки, поданной администратором образовательной организации в адрес info@sferum.ru' },
        { ref: 'minprosveshcheniya-04-423#p-4-abz-5', quote: 'Для регистрации образовательной организации на платформе к заявке необходимо приложить' },
      ],
    },
    {
      text: 'На этот номер администратор получит права: с ним же нужно входить на платформу.',
      basis: [
        { ref: 'arsenev-dou-27#p-3-1-2', quote: 'проходит регистрацию на ИКОП «Сферум» посредством ввода указанного в заявке номера мобильного телефона' },
        { ref: 'kerch-shkola-12#p-2-1-2', quote: 'проходит регистрацию на ИКОП «Сферум» посредством ввода указанного в заявке номера мобильного телефона' },
        { fact: 'vk-admin-same-phone', quote: 'администратор входит по тому же номеру мобильного телефона, что указан в заявке учреждения, иначе права администратора не появятся' },
      ],
    },
  ],
  'chat-rules': [
    {
      text: 'В техникуме модератор знакомит человека с правилами общения, прежде чем добавить его в чат.',
      basis: [{ ref: 'tekhnikum#p-21-4-3', quote: 'Прежде чем включить обучающегося, его родителя (законного представителя), а также работника Техникума в групповой чат, модератор знакомит их с правилами общения в чате' }],
    },
    {
      text: '1. Чат нужен для оперативной связи: информация от администрации и педагогов, решение организационных вопросов.',
      basis: [{ ref: 'tekhnikum#p-21-4-1', quote: 'для оперативной связи (получения информации от администрации и педагогов Колледжа и решения организационных вопросов)' }],
    },
    {
      text: 'Модератор следит за порядком и вовремя удаляет негативную и избыточную информацию.',
      basis: [{ ref: 'tekhnikum#p-21-4-2', quote: 'следить за порядком общения между его участниками и вовремя удалять негативную и избыточную информацию' }],
    },
    {
      text: '3. Пишем вежливо, без ненормативной лексики и оскорблений.',
      basis: [{ ref: 'arsenev-dou-27#p-4-5-3', quote: 'выражать свои мысли в вежливой форме, исключить использование ненормированной лексики и оскорблений' }],
    },
    {
      text: '4. Не размещаем то, что нарушает права и интересы других людей, не собираем чужие персональные данные и никому не передаём доступ к своему аккаунту.',
      basis: [
        { ref: 'arsenev-dou-27#p-4-6-1', quote: 'размещать в чатах информацию и объекты, которые могут нарушить права и интересы других лиц' },
        { ref: 'arsenev-dou-27#p-4-6-2', quote: 'осуществлять незаконный сбор и обработку персональных данных других лиц' },
        { ref: 'arsenev-dou-27#p-4-6-3', quote: 'предоставлять третьим лицам доступ к своему аккаунту' },
      ],
    },
    {
      text: '5. Если правила нарушаются, модератор напоминает о них, а тому, кто их не соблюдает, может ограничить доступ к чату. По причинам, не связанным с правилами, участников не удаляют.',
      basis: [
        { ref: 'tekhnikum#p-21-4-4', quote: 'модератор чата должен напоминать о правилах общения' },
        { ref: 'tekhnikum#p-21-4-5', quote: 'В случае несоблюдения пользователем требований общения в чате модератор имеет право ограничить доступ данного пользователя к групповому чату' },
        { ref: 'tekhnikum#p-21-4-6', quote: 'Модератор чата не вправе удалять или блокировать участников чата по причинам, не связанным с правилами общения в нем' },
      ],
    },
    {
      text: '6. Когда работник увольняется или обучающийся выбывает, модератор удаляет из чата работника или обучающегося вместе с его родителями.',
      basis: [{ ref: 'tekhnikum#p-21-4-7', quote: 'модератор удаляет такого работника или обучающегося и его родителя (законного представителя) из чата' }],
    },
  ],
  'parent-invitation': [
    {
      text: 'Ссылку создайте на платформе и вставьте сюда.',
      basis: [{ ref: 'minprosveshcheniya-04-423#p-4-abz-12', quote: 'учитель создает чаты с коллегами, учениками и их родителями и приглашает присоединиться по специальной ссылке-приглашению' }],
    },
    {
      text: 'Доступ бесплатный.',
      basis: [
        { ref: 'arsenev-dou-27#p-4-1', quote: 'имеют доступ к платформе на безвозмездной основе круглосуточно' },
        { ref: 'kerch-shkola-12#p-3-1', quote: 'имеют доступ к платформе на безвозмездной основе круглосуточно' },
      ],
    },
    {
      text: 'Если ссылка не открывается или появляется ошибка, попробуйте открыть её на другом устройстве или в другом браузере, а затем напишите мне.',
      basis: [{ fact: 'vk-parent-invite-browser', quote: 'Откройте ссылку на другом устройстве или в другом браузере.' }],
    },
  ],
};

/** `mailto:` link with the registration letter; the text is encoded, never interpreted. */
export function registrationMailto(body: string): string {
  return `mailto:${REGISTRATION_ADDRESS}?subject=${encodeURIComponent(REGISTRATION_SUBJECT)}&body=${encodeURIComponent(body)}`;
}

/** Which templates each role gets. */
export const ROLE_TEMPLATES: Partial<Record<Role, Template['id'][]>> = {
  admin: ['registration-email'],
  'class-teacher': ['chat-rules', 'parent-invitation'],
  teacher: ['chat-rules', 'parent-invitation'],
};
