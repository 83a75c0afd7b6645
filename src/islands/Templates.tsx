/** Ready-made texts for a role, filled from fields the person types. Values stay on this device. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Role } from '../domain/roles.ts';
import { ROLE_TEMPLATES, fieldError, fillTemplate, registrationMailto, type Template } from '../domain/messages.ts';
import { FIELDS, FIELDS_KEY, loadSaved, readFields, saveChange, withField, type FieldValues } from '../domain/saved.ts';
import { copyText, onChangedElsewhere, storage } from './device.ts';

export default function Templates({ role, all }: { role: Role; all: readonly Template[] }) {
  const templates = all.filter((template) => ROLE_TEMPLATES[role]?.includes(template.id));
  const [values, setValues] = useState<FieldValues>({});
  const [problem, setProblem] = useState('');
  const [saveProblem, setSaveProblem] = useState('');
  useEffect(() => {
    // Read only where the fields are shown: a problem with the saved entry is reported where the person sees it.
    if (!templates.length) return;
    const loaded = loadSaved(storage, FIELDS_KEY, FIELDS, new Date());
    setValues(loaded.value);
    setProblem(loaded.problem ?? '');
    // Fields typed in another tab appear here at once.
    return onChangedElsewhere(FIELDS_KEY, () => {
      const read = readFields(storage.get(FIELDS_KEY));
      if (read.problem === undefined) setValues(read.value);
    });
  }, []);
  if (!templates.length) return null;
  const update = (template: string, field: string, value: string) => {
    const result = saveChange(storage, FIELDS_KEY, FIELDS, values, withField(template, field, value));
    setValues(result.value);
    setSaveProblem(result.saved ? '' : result.problem);
  };
  return (
    <section class="templates no-print" aria-labelledby="templates-title">
      <h2 id="templates-title">Готовые тексты</h2>
      <p>То, что вы впишете, хранится только на этом устройстве и никуда не отправляется.</p>
      {[problem, saveProblem].filter(Boolean).map((text) => (
        <div class="notice" role="alert" key={text}>
          <p>{text}</p>
        </div>
      ))}
      {templates.map((template) => (
        <TemplateForm key={template.id} template={template} values={values[template.id] ?? {}} onInput={(field, value) => update(template.id, field, value)} />
      ))}
    </section>
  );
}

function TemplateForm({ template, values, onInput }: { template: Template; values: Record<string, string>; onInput: (field: string, value: string) => void }) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [text, setText] = useState('');
  const [status, setStatus] = useState('');
  const summary = useRef<HTMLDivElement>(null);
  const id = (field: string) => `${template.id}-${field}`;
  const submit = (event: Event) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    for (const field of template.fields) {
      const error = fieldError(field, values[field.id] ?? '');
      if (error) found[field.id] = error;
    }
    setErrors(found);
    setText(Object.keys(found).length ? '' : fillTemplate(template, values));
    setStatus('');
  };
  const listed = template.fields.filter((field) => errors[field.id]);
  useEffect(() => {
    if (listed.length) summary.current?.focus();
  }, [errors]);
  return (
    <div class="template">
      <h3>{template.title}</h3>
      <p>{template.intro}</p>
      <form onSubmit={submit} noValidate>
        {listed.length > 0 && (
          <div class="error-summary" role="alert" tabIndex={-1} ref={summary}>
            <h4>Есть ошибки</h4>
            <ul>
              {listed.map((field) => (
                <li key={field.id}>
                  <a href={`#${id(field.id)}`}>{errors[field.id]}</a>
                </li>
              ))}
            </ul>
          </div>
        )}
        {template.fields.map((field) => {
          const described = [field.hint && `${id(field.id)}-hint`, errors[field.id] && `${id(field.id)}-error`].filter(Boolean).join(' ') || undefined;
          return (
            <div class={errors[field.id] ? 'field field-invalid' : 'field'} key={field.id}>
              <label for={id(field.id)}>{field.label}</label>
              {field.hint && (
                <p class="hint" id={`${id(field.id)}-hint`}>
                  {field.hint}
                </p>
              )}
              {errors[field.id] && (
                <p class="field-error" id={`${id(field.id)}-error`}>
                  <span class="vh">Ошибка: </span>
                  {errors[field.id]}
                </p>
              )}
              <input
                id={id(field.id)}
                name={field.id}
                type={field.kind === 'phone' ? 'tel' : field.kind}
                autocomplete={field.autocomplete ?? 'off'}
                value={values[field.id] ?? ''}
                aria-describedby={described}
                aria-invalid={errors[field.id] ? true : undefined}
                onInput={(event) => onInput(field.id, (event.currentTarget as HTMLInputElement).value)}
              />
            </div>
          );
        })}
        <button type="submit" class="button">
          Составить текст
        </button>
      </form>
      {text && (
        <div class="template-result">
          <label for={id('text')}>Готовый текст</label>
          <textarea id={id('text')} readOnly rows={12} value={text} />
          <div class="actions">
            <button type="button" class="button secondary" onClick={async () => setStatus((await copyText(text)) ? 'Текст скопирован.' : 'Не удалось скопировать: выделите текст и скопируйте вручную.')}>
              Скопировать
            </button>
            {template.id === 'registration-email' && (
              <a class="button secondary" href={registrationMailto(text)}>
                Открыть в почтовой программе
              </a>
            )}
          </div>
          <p role="status">{status}</p>
        </div>
      )}
    </div>
  );
}
