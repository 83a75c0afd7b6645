/**
 * The draft form: answers in the URL (like the wizard's), the draft rebuilt on every change, a .docx on request.
 * The form is hidden until the island runs; without JavaScript the page offers the prebuilt drafts instead.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { INSTITUTION_TYPES, TYPE_SLUGS, type InstitutionType } from '../domain/institution-types.ts';
import type { Role } from '../domain/roles.ts';
import { assembleDraft, draftBlocks, gisApplies, optionsQuery, parseOptions, rolesFor, type DraftOptions, type DraftSource } from '../domain/draft.ts';
import DraftPreview from './DraftPreview.tsx';

export interface DraftBuilderProps {
  source: DraftSource;
  defaults: DraftOptions;
}

const TYPE_LABELS: Record<InstitutionType, string> = { ДОУ: 'Детский сад (ДОУ)', школа: 'Школа', СПО: 'Колледж или техникум (СПО)' };

export default function DraftBuilder({ source, defaults }: DraftBuilderProps) {
  const [options, setOptions] = useState(defaults);
  const [problems, setProblems] = useState<string[]>([]);
  const [ready, setReady] = useState(false);
  const [status, setStatus] = useState('');
  const draft = useMemo(() => assembleDraft(source, options), [options]);
  const blocks = useMemo(() => draftBlocks(source, options).flatMap(({ blocks }) => blocks), [options]);

  useEffect(() => {
    const parsed = parseOptions(location.search, source, defaults);
    setOptions(parsed.options);
    setProblems(parsed.problems);
    setReady(true);
  }, []);

  const update = (change: Partial<DraftOptions>) => {
    const next = { ...options, ...change };
    if (change.type && change.type !== options.type) next.roles = rolesFor(source, change.type);
    history.replaceState(null, '', optionsQuery(next));
    setOptions(next);
  };
  const toggle = <T extends string>(values: T[], value: T, on: boolean, order: readonly T[]) =>
    order.filter((item) => (item === value ? on : values.includes(item)));

  const download = async () => {
    setStatus('Готовлю файл .docx…');
    try {
      const { draftDocx } = await import('./draft-docx.ts');
      const url = URL.createObjectURL(await draftDocx(draft));
      const link = Object.assign(document.createElement('a'), { href: url, download: `proekt-polozheniya-${TYPE_SLUGS[options.type]}.docx` });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setStatus('Файл .docx готов: ищите его в загрузках браузера.');
    } catch {
      setStatus('Не удалось подготовить файл .docx: возможно, прервалась связь с сайтом. Обновите страницу и попробуйте ещё раз или распечатайте проект.');
    }
  };

  const allRoles = rolesFor(source, options.type);
  return (
    <>
      {problems.length > 0 && (
        <div class="notice" role="status">
          <p>В адресе страницы были ошибки, мы их исправили:</p>
          <ul>{problems.map((problem) => <li>{problem}</li>)}</ul>
        </div>
      )}
      <div class="draft-form no-print" hidden={!ready}>
        <fieldset>
          <legend>Тип учреждения</legend>
          {INSTITUTION_TYPES.map((type) => (
            <label class="choice">
              <input type="radio" name="type" value={TYPE_SLUGS[type]} checked={options.type === type} onChange={() => update({ type })} /> {TYPE_LABELS[type]}
            </label>
          ))}
        </fieldset>
        <label for="draft-name">Полное наименование учреждения</label>
        <input id="draft-name" type="text" maxLength={300} value={options.name} onInput={(event) => update({ name: event.currentTarget.value })} />
        <label for="draft-short">Краткое наименование (им заменяется название учреждения-образца)</label>
        <input id="draft-short" type="text" maxLength={300} value={options.short} onInput={(event) => update({ short: event.currentTarget.value })} />
        <fieldset>
          <legend>Где работают чаты учреждения</legend>
          <label class="choice">
            <input type="radio" name="platform" value="max" checked={options.platform === 'MAX'} onChange={() => update({ platform: 'MAX' })} /> MAX
          </label>
          <label class="choice">
            <input type="radio" name="platform" value="vk" checked={options.platform === 'VK'} onChange={() => update({ platform: 'VK' })} /> VK Мессенджер
          </label>
        </fieldset>
        {gisApplies(source, options.type) && (<fieldset>
          <legend>Чаты создаёт региональная ГИС (например, «Электронная школа»)?</legend>
          <label class="choice">
            <input type="radio" name="gis" value="1" checked={options.gis} onChange={() => update({ gis: true })} /> Да
          </label>
          <label class="choice">
            <input type="radio" name="gis" value="0" checked={!options.gis} onChange={() => update({ gis: false })} /> Нет или не знаю
          </label>
        </fieldset>)}
        <fieldset>
          <legend>Разделы</legend>
          {source.sections.map((section) => (
            <label class="choice">
              <input type="checkbox" checked={options.sections.includes(section.id)} onChange={(event) => update({ sections: toggle(options.sections, section.id, event.currentTarget.checked, source.sections.map((s) => s.id)) })} />{' '}
              {section.title}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Роли в разделе «Кто что делает»</legend>
          {allRoles.map((role) => (
            <label class="choice">
              <input type="checkbox" checked={options.roles.includes(role)} onChange={(event) => update({ roles: toggle<Role>(options.roles, role, event.currentTarget.checked, allRoles) })} />{' '}
              {source.roles.find((r) => r.id === role)?.name}
            </label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Чья формулировка</legend>
          <p class="hint">Для каждого раздела — образец, из которого взяты пункты. Похожие пункты разных образцов показаны рядом в сравнении документов.</p>
          {blocks.map((block) => (
            <p class="draft-model">
              <label for={`model-${block.key}`}>{block.label}</label>
              <select id={`model-${block.key}`} onChange={(event) => update({ models: { ...options.models, [block.key]: event.currentTarget.value } })}>
                {block.options.map((option) => (
                  <option value={option.doc} selected={option.doc === block.chosen.doc}>
                    {source.models[option.doc]?.document}
                  </option>
                ))}
              </select>
            </p>
          ))}
        </fieldset>
        <p class="draft-actions">
          <button type="button" onClick={download}>Скачать .docx</button> <button type="button" onClick={() => print()}>Распечатать</button>
        </p>
        <p role="status" aria-live="polite">{status}</p>
      </div>
      <p class="draft-summary">
        Пунктов в проекте: {draft.sections.reduce((sum, section) => sum + section.clauses.length, 0)}; замен, которые нужно проверить: {draft.substitutions}.
      </p>
      <DraftPreview draft={draft} />
    </>
  );
}
