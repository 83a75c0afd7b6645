/**
 * The role wizard: one question per page, answers in the URL query, the personal checklist derived from them.
 * No router: history.pushState on every step, popstate replays the URL.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { InstitutionType } from '../domain/site-config.ts';
import type { Role } from '../domain/roles.ts';
import { SUPPORT_EMAIL, askAbout, checklistText, groundedChecklist, type DutyView, type Fact, type PlatformKey } from '../domain/checklist.ts';
import { groundingOf, type DocumentInfo } from '../domain/grounding.ts';
import {
  QUESTIONS, answer, answerLabel, currentStep, formValue, parseQuery, previousStep, question, situationOf, toQuery, walk,
  type Answers, type FlowSettings, type QuestionId, type Step,
} from '../domain/wizard-flow.ts';
import type { Template } from '../domain/messages.ts';
import { TICKS, loadSaved, readTicks, saveChange, ticksKey, withTick, withoutTicks } from '../domain/saved.ts';
import GroundedChecklistView from './GroundedChecklistView.tsx';
import Templates from './Templates.tsx';
import { copyText, onChangedElsewhere, storage } from './device.ts';

export interface WizardProps {
  roles: { id: Role; name: string; types: InstitutionType[]; href: string }[];
  duties: DutyView[];
  facts: Fact[];
  siteType: InstitutionType | null;
  /** The institutions the site serves, with their own acts, where their chats are (when the settings say so, the
   * wizard does not ask) and their administrators' contacts. */
  institutions: { id: string; short: string; type: InstitutionType; platform?: PlatformKey; documents: string[]; adminContact: string }[];
  /** Documents common to all institutions. */
  common: string[];
  documents: Record<string, DocumentInfo>;
  templates: Template[];
}

interface View {
  answers: Answers;
  step: Step;
  problems: string[];
}

const STEP_TITLES: Record<'check' | 'result', string> = { check: 'Проверьте ответы', result: 'Ваш чек-лист' };

export default function Wizard(props: WizardProps) {
  const settings = useMemo<FlowSettings>(
    () => ({ type: props.siteType, roles: props.roles, institutions: props.institutions, platform: props.institutions.length === 1 ? props.institutions[0].platform : undefined }),
    [],
  );
  // The server renders the first question; the view read from the address replaces it on mount.
  const rendered = useRef<View>({ answers: {}, step: currentStep({}, undefined, settings), problems: [] });
  const [view, setView] = useState<View>(rendered.current);
  const heading = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const pageTitle = useRef('');

  const fromLocation = () => {
    const parsed = parseQuery(location.search, settings);
    setView({ answers: parsed.answers, step: currentStep(parsed.answers, parsed.step, settings), problems: parsed.problems });
  };
  useEffect(() => {
    pageTitle.current = document.title;
    fromLocation();
    const onPop = () => {
      moved.current = true;
      fromLocation();
    };
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  const go = (answers: Answers, step: Step) => {
    history.pushState(null, '', toQuery(answers, step, settings));
    moved.current = true;
    setView({ answers, step: currentStep(answers, step, settings), problems: [] });
  };
  const setTitle = (title: string) => {
    if (pageTitle.current) document.title = `${title} — ${pageTitle.current}`;
  };
  useEffect(() => {
    const current = view.step === 'check' || view.step === 'result' ? STEP_TITLES[view.step] : question(view.step).title;
    setTitle(current);
    if (moved.current) heading.current?.focus();
    // The page keeps the form invisible while a link's answers are being read (data-wizard="waits").
    if (view !== rendered.current) delete document.documentElement.dataset.wizard;
  }, [view]);

  const link = (step: Step) => ({
    href: toQuery(view.answers, step, settings),
    onClick: (event: MouseEvent) => {
      event.preventDefault();
      go(view.answers, step);
    },
  });
  const back = previousStep(view.step, view.answers, settings);

  return (
    <div class="wizard">
      {back && (
        <a class="back-link no-print" {...link(back)}>
          Назад
        </a>
      )}
      {view.problems.length > 0 && (
        <div class="notice" role="alert">
          <p>Не всё в ссылке удалось прочитать:</p>
          <ul>
            {view.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      {view.step === 'check' ? (
        <Check view={view} settings={settings} heading={heading} link={link} onConfirm={() => go(view.answers, 'result')} />
      ) : view.step === 'result' ? (
        <Result props={props} view={view} settings={settings} heading={heading} onRestart={() => go({ institution: view.answers.institution }, 'role')} />
      ) : (
        <QuestionStep
          key={view.step}
          id={view.step}
          answers={view.answers}
          settings={settings}
          heading={heading}
          setTitle={setTitle}
          onAnswer={(value) => {
            const answers = answer(view.answers, view.step as QuestionId, value, settings);
            if (!answers) return;
            // This question's entry keeps its answer, so the browser's Back shows it chosen.
            history.replaceState(null, '', toQuery(answers, view.step, settings));
            go(answers, currentStep(answers, 'check', settings));
          }}
        />
      )}
    </div>
  );
}

type Heading = { current: HTMLHeadingElement | null };

function QuestionStep(p: {
  id: QuestionId;
  answers: Answers;
  settings: FlowSettings;
  heading: Heading;
  onAnswer: (value: string) => void;
  setTitle: (title: string) => void;
}) {
  const q = question(p.id);
  const [error, setError] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const { answers } = walk(p.answers, p.settings);
  const options = q.options(answers, p.settings);
  // What the reader chose, else what the site's settings say (a question reopened with «Изменить»).
  const current = formValue(p.answers, p.id) ?? formValue(answers, p.id);
  useEffect(() => {
    if (error) summary.current?.focus();
  }, [error]);
  const submit = (event: Event) => {
    event.preventDefault();
    const value = new FormData(event.currentTarget as HTMLFormElement).get(q.key);
    setError(!value);
    if (value) p.onAnswer(String(value));
    else p.setTitle(`Ошибка: ${q.title}`);
  };
  const described = [q.hint && `${q.key}-hint`, error && `${q.key}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <form method="get" onSubmit={submit} noValidate>
      {error && (
        <div class="error-summary" role="alert" tabIndex={-1} ref={summary}>
          <h2>Есть ошибки</h2>
          <ul>
            <li>
              <a href={`#${q.key}-0`}>{q.error}</a>
            </li>
          </ul>
        </div>
      )}
      <fieldset class={error ? 'field-invalid' : undefined} aria-describedby={described}>
        <legend>
          <h1 tabIndex={-1} ref={p.heading}>
            {q.title}
          </h1>
        </legend>
        {q.hint && (
          <p id={`${q.key}-hint`} class="hint">
            {q.hint}
          </p>
        )}
        {error && (
          <p id={`${q.key}-error`} class="field-error">
            <span class="vh">Ошибка: </span>
            {q.error}
          </p>
        )}
        {options.map((option, i) => (
          <div class="radio" key={option.value}>
            <input type="radio" id={`${q.key}-${i}`} name={q.key} value={option.value} defaultChecked={option.value === current} />
            <label for={`${q.key}-${i}`}>{option.label}</label>
          </div>
        ))}
      </fieldset>
      <button type="submit" class="button">
        Продолжить
      </button>
    </form>
  );
}

function Check(p: {
  view: View;
  settings: FlowSettings;
  heading: Heading;
  link: (step: Step) => { href: string; onClick: (event: MouseEvent) => void };
  onConfirm: () => void;
}) {
  const { path, preset } = walk(p.view.answers, p.settings);
  return (
    <>
      <h1 tabIndex={-1} ref={p.heading}>
        Проверьте ответы
      </h1>
      <dl class="summary-list">
        {path.map((id) => (
          <div key={id}>
            <dt>{question(id).summary}</dt>
            <dd>
              {answerLabel(p.view.answers, id, p.settings)}
              {preset.includes(id) && <span class="small"> — так указано в настройках сайта учреждения, вопрос пропущен</span>}
            </dd>
            <dd>
              <a {...p.link(id)}>
                Изменить<span class="vh"> ответ «{question(id).summary}»</span>
              </a>
            </dd>
          </div>
        ))}
      </dl>
      <button type="button" class="button" onClick={p.onConfirm}>
        Показать мой чек-лист
      </button>
    </>
  );
}

function Result(p: { props: WizardProps; view: View; settings: FlowSettings; heading: Heading; onRestart: () => void }) {
  const { props, view, settings } = p;
  const situation = situationOf(view.answers, settings)!;
  const factMap = useMemo(() => new Map(props.facts.map((fact) => [fact.id, fact])), []);
  const institution = props.institutions.length === 1 ? props.institutions[0] : props.institutions.find((i) => i.id === view.answers.institution);
  const adminContact = institution?.adminContact ?? 'администратор платформы в вашем учреждении';
  const checklist = useMemo(
    () => groundedChecklist(props.duties, factMap, situation, groundingOf(institution ?? null, props.common), props.documents),
    [view.answers],
  );
  const { groups, elsewhere } = checklist;
  const ids = [...groups, ...elsewhere].flatMap((group) => group.items.map((item) => item.id));
  // The role's ticks, shared with its page: what is ticked there shows here.
  const key = ticksKey(situation.role, view.answers.institution);
  const role = props.roles.find((r) => r.id === situation.role)!;
  const [done, setDone] = useState<Set<string>>(new Set());
  const [savedProblem, setSavedProblem] = useState('');
  const [status, setStatus] = useState('');
  const [manual, setManual] = useState('');

  const show = (ticks: string[]) => setDone(new Set(ticks.filter((id) => ids.includes(id))));
  useEffect(() => {
    const loaded = loadSaved(storage, key, TICKS, new Date());
    setSavedProblem(loaded.problem ?? '');
    show(loaded.value);
    // Ticks made in another tab appear here at once.
    return onChangedElsewhere(key, () => {
      const read = readTicks(storage.get(key));
      if (read.problem === undefined) show(read.value);
    });
  }, [key]);

  const toggle = (id: string) => {
    const result = saveChange(storage, key, TICKS, [...done], withTick(id, !done.has(id)));
    show(result.value);
    setStatus(result.saved ? '' : result.problem);
  };
  const title = `Чек-лист: ${role.name}`;
  const copy = async (text: string, ok: string) => {
    const copied = await copyText(text);
    setStatus(copied ? ok : 'Браузер не дал скопировать: выделите текст ниже и скопируйте его вручную.');
    setManual(copied ? '' : text);
  };
  const share = async () => {
    const url = location.href;
    if (navigator.share) {
      try {
        await navigator.share({ title, url });
        return;
      } catch {
        // cancelled or unavailable: fall back to copying
      }
    }
    await copy(url, 'Ссылка на чек-лист скопирована.');
  };

  return (
    <>
      <h1 tabIndex={-1} ref={p.heading}>
        {title}
      </h1>
      <p class="lead">
        {QUESTIONS.filter((q) => q.id !== 'role' && walk(view.answers, settings).path.includes(q.id))
          .map((q) => `${q.summary}: ${answerLabel(view.answers, q.id, settings)}`)
          .join('. ')}
        .
      </p>
      {savedProblem && (
        <div class="notice" role="alert">
          <p>{savedProblem}</p>
        </div>
      )}
      <p class="progress" aria-live="polite">
        Выполнено: {done.size} из {ids.length}
      </p>
      <div class="actions no-print">
        <button type="button" class="button secondary" onClick={() => print()}>
          Распечатать
        </button>
        <button type="button" class="button secondary" onClick={() => copy(checklistText(title, [...groups, ...elsewhere], done), 'Чек-лист скопирован текстом.')}>
          Скопировать текстом
        </button>
        <button type="button" class="button secondary" onClick={share}>
          Поделиться ссылкой
        </button>
        <a
          href="?"
          class="restart"
          onClick={(event) => {
            event.preventDefault();
            if (!confirm('Начать заново? Ответы и отметки этого чек-листа будут удалены.')) return;
            const cleared = saveChange(storage, key, TICKS, [...done], withoutTicks(ids));
            if (!cleared.saved) return setStatus(cleared.problem);
            p.onRestart();
          }}
        >
          Начать заново
        </a>
      </div>
      <p class="status no-print" role="status">
        {status}
      </p>
      {manual && (
        <>
          <label for="manual-copy" class="no-print">
            Текст для копирования
          </label>
          <textarea id="manual-copy" class="no-print" readOnly rows={8} value={manual} />
        </>
      )}
      <GroundedChecklistView checklist={checklist} ask={askAbout(situation.role).step} done={done} onToggle={toggle} onCopy={(text) => copy(text, `Адрес ${text} скопирован.`)} />
      <Templates role={situation.role} all={props.templates} />
      <h2 id="kogo-sprosit">Кого спросить</h2>
      <p>
        {askAbout(situation.role).whom}: {situation.role === 'admin' ? <a href={`mailto:${SUPPORT_EMAIL}`}>{SUPPORT_EMAIL}</a> : adminContact}. Все варианты
        для вашей роли — на странице <a href={role.href}>полного чек-листа</a>.
      </p>
    </>
  );
}
