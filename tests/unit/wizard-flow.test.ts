import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueSchema } from '../../src/domain/duties.ts';
import { buildChecklist, checklistText, fullSituation, type DutyView, type Fact } from '../../src/domain/checklist.ts';
import {
  QUESTIONS, answer, answerLabel, formValue, question, currentStep, parseQuery, previousStep, situationOf, stepAfterAnswer, toQuery, walk,
  type Answers, type FlowSettings, type QuestionId,
} from '../../src/domain/wizard-flow.ts';
import { INSTITUTION_TYPES, type InstitutionType } from '../../src/domain/site-config.ts';
import { documentAnchors } from '../../src/domain/anchors.ts';
import { regulationFiles, ROOT } from '../support/project.ts';

const catalogue = catalogueSchema.parse(JSON.parse(readFileSync(join(ROOT, 'content/duties.json'), 'utf8')));
const facts: Fact[] = JSON.parse(readFileSync(join(ROOT, 'content/platform-facts.json'), 'utf8'));
const factMap = new Map(facts.map((fact) => [fact.id, fact]));
// In unit tests a clause link's href is the reference itself, so it can be checked against the documents.
const duties: DutyView[] = catalogue.duties.map((duty) => ({ ...duty, refs: duty.refs.map((ref) => ({ href: ref, doc: ref.split('#')[0], clause: ref, label: ref })) }));
const anchorIds = new Set(regulationFiles().flatMap((file) => documentAnchors(file.slug, file.body).map((a) => `${file.slug}#${a.id}`)));
const settingsFor = (type: InstitutionType | null): FlowSettings => ({ type, roles: catalogue.roles });
/** A site serving several institutions: the flow asks which is yours first. */
const municipality: FlowSettings = {
  type: null,
  roles: catalogue.roles,
  institutions: [
    { id: 'sad-5', short: 'Детский сад № 5', type: 'ДОУ' },
    { id: 'shkola-3', short: 'Школа № 3', type: 'школа' },
  ],
};
const ALL_SETTINGS = [...[null, ...INSTITUTION_TYPES].map(settingsFor), municipality];

/** Every complete set of answers the flow can produce: a walk over all options of all asked questions. */
function allPaths(settings: FlowSettings): Answers[] {
  const complete: Answers[] = [];
  const visit = (answers: Answers) => {
    const state = walk(answers, settings);
    if (state.complete) return void complete.push(answers);
    const id = state.path[state.path.length - 1];
    const q = QUESTIONS.find((question) => question.id === id)!;
    for (const option of q.options(state.answers, settings)) visit(answer(answers, id, option.value, settings)!);
  };
  visit({});
  return complete;
}

describe('wizard flow: every path', () => {
  const reachedQuestions = new Set<QuestionId>();
  const reachedDuties = new Set<string>();

  it.each(ALL_SETTINGS.map((settings) => [settings.institutions ? 'нескольких учреждений' : (settings.type ?? 'любой тип'), settings] as const))(
    'site for %s: each reachable outcome is a non-empty checklist of catalogue duties citing existing clauses',
    (_, settings) => {
      const paths = allPaths(settings);
      expect(paths.length).toBeGreaterThan(10);
      for (const answers of paths) {
        walk(answers, settings).path.forEach((id) => reachedQuestions.add(id));
        const situation = situationOf(answers, settings)!;
        expect(situation, JSON.stringify(answers)).toBeDefined();
        const groups = buildChecklist(duties, factMap, situation);
        const items = groups.flatMap((group) => group.items);
        // Exactly the catalogue's duties of the role and type whose conditions the answers leave possible.
        const possible = (value: boolean | undefined, allowed: boolean[]) => value === undefined || allowed.includes(value);
        const expected = catalogue.duties.filter(
          (duty) => duty.roles.includes(situation.role) && duty.types.includes(situation.types[0]) && possible(duty.when?.registered, situation.registered) && possible(duty.when?.gis, situation.gis),
        );
        expect(items.map((item) => item.id).sort(), JSON.stringify(answers)).toEqual(expected.map((duty) => duty.id).sort());
        expect(items, JSON.stringify(answers)).not.toEqual([]);
        for (const item of items) {
          reachedDuties.add(item.id);
          expect(item.refs.filter((ref) => !anchorIds.has(ref.href))).toEqual([]);
        }
        // The outcome follows from the answers alone: the URL replays to the same checklist.
        const replayed = parseQuery(toQuery(answers, 'result', settings), settings);
        expect(replayed.problems).toEqual([]);
        expect(buildChecklist(duties, factMap, situationOf(replayed.answers, settings)!)).toEqual(groups);
      }
    },
  );

  it('reaches every question and every duty on some path', () => {
    expect([...reachedQuestions].sort()).toEqual(QUESTIONS.map((q) => q.id).sort());
    expect(catalogue.duties.map((duty) => duty.id).filter((id) => !reachedDuties.has(id))).toEqual([]);
  });

  it('shows every duty of a role on its static page', () => {
    for (const role of catalogue.roles) {
      const shown = buildChecklist(duties, factMap, fullSituation(role.id, role.types)).flatMap((group) => group.items.map((item) => item.id));
      const expected = catalogue.duties.filter((duty) => duty.roles.includes(role.id) && duty.types.some((type) => role.types.includes(type)));
      expect(shown.sort()).toEqual(expected.map((duty) => duty.id).sort());
    }
  });
});

describe('wizard flow: questions and steps', () => {
  const school = settingsFor('школа');
  const open = settingsFor(null);

  it('skips the institution type when the site fixes it, and asks it otherwise', () => {
    expect(walk({ role: 'teacher' }, school).path).toEqual(['role', 'platform']);
    expect(walk({ role: 'teacher' }, open).path).toEqual(['role', 'type']);
  });

  it('asks the extra questions only of the roles that need them', () => {
    expect(walk({ role: 'admin', platform: 'MAX' }, school).path).toEqual(['role', 'platform', 'registered']);
    expect(walk({ role: 'class-teacher', platform: 'MAX' }, school).path).toEqual(['role', 'platform', 'gis']);
    expect(walk({ role: 'parent', platform: 'MAX' }, school)).toMatchObject({ path: ['role', 'platform'], complete: true });
    expect(walk({ role: 'teacher', type: 'ДОУ', platform: 'VK' }, open).complete).toBe(true);
  });

  it('offers only the roles and types that exist for the configured institution', () => {
    const roles = (settings: FlowSettings) => question('role').options({}, settings).map((option) => option.value);
    expect(roles(settingsFor('ДОУ'))).not.toContain('student');
    expect(roles(settingsFor('ДОУ'))).not.toContain('gis-staff');
    expect(roles(school)).toContain('gis-staff');
  });

  it('asks «Ваше учреждение» first on a site serving several, and takes the type from the institution', () => {
    expect(walk({}, municipality).path).toEqual(['institution']);
    expect(question('institution').options({}, municipality).map((option) => option.label)).toEqual(['Детский сад № 5', 'Школа № 3', 'Другое учреждение, его нет в списке']);
    expect(walk({ institution: 'sad-5', role: 'teacher', platform: 'MAX' }, municipality)).toMatchObject({ complete: true, answers: { type: 'ДОУ' } });
    expect(walk({ institution: 'other', role: 'teacher', platform: 'MAX' }, municipality).path).toContain('type');
    expect(parseQuery('?v=1&u=shkola-3&r=parent&p=max&q=result', municipality).answers).toEqual({ institution: 'shkola-3', role: 'parent', platform: 'MAX', type: 'школа' });
    expect(walk({}, school).path).toEqual(['role']);
  });

  it('drops answers that no longer apply when an earlier answer changes', () => {
    const admin: Answers = { role: 'admin', platform: 'MAX', registered: 'no' };
    expect(answer(admin, 'role', 'parent', school)).toEqual({ role: 'parent', platform: 'MAX' });
    expect(answer(admin, 'role', 'nobody', school)).toBeUndefined();
  });

  it('leads Back through the asked questions and from the result to the review', () => {
    const answers: Answers = { role: 'admin', platform: 'MAX', registered: 'no' };
    expect(currentStep(answers, undefined, school)).toBe('check');
    expect(currentStep(answers, 'result', school)).toBe('result');
    expect(currentStep({ role: 'admin' }, 'result', school)).toBe('platform');
    expect(previousStep('result', answers, school)).toBe('check');
    expect(previousStep('check', answers, school)).toBe('registered');
    expect(previousStep('platform', answers, school)).toBe('role');
    expect(previousStep('role', answers, school)).toBeUndefined();
  });

  it('shows both variants, labelled, when the person does not know', () => {
    const unknown = buildChecklist(duties, factMap, situationOf({ role: 'admin', platform: 'unknown', registered: 'unknown' }, school)!);
    const apply = unknown.flatMap((group) => group.items).find((item) => item.id === 'admin-apply')!;
    expect(apply.conditions).toEqual(['Если учреждение ещё не зарегистрировано']);
    const signIn = unknown.flatMap((group) => group.items).find((item) => item.id === 'admin-sign-in')!;
    expect(signIn.notes.map((note) => note.platform)).toEqual(['MAX', 'VK']);
    const registered = buildChecklist(duties, factMap, situationOf({ role: 'admin', platform: 'MAX', registered: 'yes' }, school)!);
    expect(registered.flatMap((group) => group.items).map((item) => item.id)).not.toContain('admin-apply');
  });

  it('gives a school teacher the ГИС duties instead of the invitation ones when a regional ГИС creates chats', () => {
    const ids = (gis: 'yes' | 'no') =>
      buildChecklist(duties, factMap, situationOf({ role: 'teacher', platform: 'MAX', gis }, school)!).flatMap((g) => g.items.map((i) => i.id));
    expect(ids('yes')).toEqual(expect.arrayContaining(['gis-link', 'gis-staff-chats']));
    expect(ids('yes')).not.toContain('teacher-join');
    expect(ids('no')).toContain('teacher-join');
    expect(ids('no')).not.toContain('gis-link');
  });

  it('copies the checklist as text with boxes and the clauses', () => {
    const groups = buildChecklist(duties, factMap, situationOf({ role: 'parent', platform: 'VK' }, school)!);
    const text = checklistText('Чек-лист', groups, new Set(['parent-join']));
    expect(text).toContain('[x] Присоединитесь к чату');
    expect(text).toMatch(/\[ \] Участвуйте/);
    expect(text).toMatch(/\n {4}Основание: .*kerch-shkola-12#p-2-6-1/);
  });
});

describe('wizard flow: the URL query', () => {
  const school = settingsFor('школа');

  it('writes short stable keys with the flow version, and reads them back', () => {
    const query = toQuery({ role: 'class-teacher', platform: 'MAX', gis: 'no' }, 'result', school);
    expect(query).toBe('?v=1&r=class-teacher&p=max&gis=no&q=result');
    expect(parseQuery(query, school)).toEqual({ answers: { role: 'class-teacher', platform: 'MAX', gis: 'no', type: 'школа' }, step: 'result', problems: [] });
  });

  it('ignores unknown keys and answers to questions the flow does not ask', () => {
    const parsed = parseQuery('?v=1&r=parent&p=vk&utm_source=x&reg=yes&t=dou', school);
    expect(parsed.problems).toEqual([]);
    expect(parsed.answers).toEqual({ role: 'parent', platform: 'VK', type: 'школа' });
  });

  it('reports tampered values in Russian, drops them and keeps the rest', () => {
    const parsed = parseQuery('?v=1&r=admin&p=telegram&reg=<script>alert(1)</script>&q=../../etc', school);
    expect(parsed.answers).toEqual({ role: 'admin' });
    expect(parsed.problems).toEqual([
      'В ссылке неизвестный ответ «telegram» на вопрос «Где сейчас чаты вашего учреждения?» — ответьте на него заново.',
      'В ссылке неизвестный шаг «../../etc» — показан первый вопрос без ответа.',
    ]);
    expect(currentStep(parsed.answers, parsed.step, school)).toBe('platform');
    const hostile = parseQuery('?v=1&r=admin&p=max&reg="><img onerror=alert(1)>', school);
    expect(hostile.answers).toEqual({ role: 'admin', platform: 'MAX' });
    expect(hostile.problems).toEqual(['В ссылке неизвестный ответ «"><img onerror=alert(1)>» на вопрос «Учреждение уже зарегистрировано на платформе «Сферум»?» — ответьте на него заново.']);
  });

  it('cuts long hostile values short in messages', () => {
    const parsed = parseQuery(`?v=1&r=${'x'.repeat(500)}`, school);
    expect(parsed.problems[0].length).toBeLessThan(150);
  });

  it('refuses answers written for another flow version, saying so', () => {
    const parsed = parseQuery('?v=0&r=admin&p=max', school);
    expect(parsed.answers).toEqual({});
    expect(parsed.problems).toEqual(['Ссылка сделана для другой версии мастера, ответы из неё не подходят. Ответьте на вопросы заново.']);
    // A link without a version, or one with a version but no answers, is read as it is.
    expect(parseQuery('?r=admin&p=max', school).answers).toEqual({ role: 'admin', platform: 'MAX' });
    expect(parseQuery('?v=0&q=result', school)).toEqual({ answers: {}, step: 'result', problems: [] });
  });

  it('quotes a tampered value whole up to 40 characters, and cut with «…» beyond', () => {
    expect(parseQuery(`?r=${'x'.repeat(40)}`, school).problems[0]).toContain(`«${'x'.repeat(40)}» на вопрос «Кто вы?»`);
    expect(parseQuery(`?r=${'x'.repeat(41)}`, school).problems[0]).toContain(`«${'x'.repeat(40)}…» на вопрос «Кто вы?»`);
  });
});

describe('wizard flow: review and result', () => {
  const school = settingsFor('школа');
  const answers: Answers = { role: 'admin', platform: 'VK', registered: 'unknown' };

  it('shows each answer on the review by its option\'s words, and fills the form with its value', () => {
    expect(answerLabel(answers, 'role', school)).toBe('Администратор платформы');
    expect(answerLabel(answers, 'platform', school)).toBe('В VK Мессенджере');
    expect(answerLabel({ ...answers, platform: 'MAX' }, 'platform', school)).toBe('В MAX');
    expect(answerLabel({ ...answers, platform: 'unknown' }, 'platform', school)).toBe('Не знаю');
    expect(answerLabel(answers, 'registered', school)).toBe('Не знаю');
    expect(answerLabel({ role: 'admin' }, 'registered', school)).toBe('');
    expect(formValue(answers, 'platform')).toBe('vk');
    expect(formValue(answers, 'registered')).toBe('unknown');
    expect(formValue({}, 'role')).toBeUndefined();
  });

  it('after an answer, goes to the next question, or to the review once all are answered', () => {
    expect(stepAfterAnswer({ role: 'admin' }, school)).toBe('platform');
    expect(stepAfterAnswer(answers, school)).toBe('check');
    expect(currentStep(answers, 'platform', school)).toBe('platform');
    expect(currentStep(answers, 'gis', school)).toBe('check');
    expect(currentStep(answers, 'result', school)).toBe('result');
    expect(currentStep(answers, undefined, school)).toBe('check');
  });

  it('reads the situation from complete answers only: the platform asked, both when not known, ГИС staff with the ГИС', () => {
    expect(situationOf({ role: 'admin' }, school)).toBeUndefined();
    expect(situationOf(answers, school)).toEqual({ role: 'admin', types: ['школа'], platforms: ['VK'], registered: [true, false], gis: [false] });
    expect(situationOf({ ...answers, platform: 'MAX', registered: 'yes' }, school)).toMatchObject({ platforms: ['MAX'], registered: [true] });
    expect(situationOf({ ...answers, platform: 'unknown' }, school)).toMatchObject({ platforms: ['MAX', 'VK'] });
    expect(situationOf({ role: 'gis-staff', platform: 'MAX' }, settingsFor('школа'))).toMatchObject({ role: 'gis-staff', gis: [true] });
    expect(situationOf({ role: 'teacher', platform: 'MAX' }, settingsFor(null))).toBeUndefined();
  });

  it('keeps the institution among the answers only where the flow asks it (the saved ticks\' key follows it)', () => {
    expect(parseQuery('?v=1&u=shkola-3&r=parent&p=max', municipality).answers.institution).toBe('shkola-3');
    expect(parseQuery('?v=1&u=shkola-3&r=parent&p=max', school).answers.institution).toBeUndefined();
  });
});

describe('a question the site’s settings answer', () => {
  const maxSchool: FlowSettings = { ...settingsFor('школа'), platform: 'MAX' };

  it('is skipped on the way forward and on the way back, and left out of the link', () => {
    const afterRole = answer({}, 'role', 'teacher', maxSchool)!;
    expect(currentStep(afterRole, 'check', maxSchool)).toBe('gis');
    expect(walk(afterRole, maxSchool).preset).toEqual(['platform']);
    expect(previousStep('gis', afterRole, maxSchool)).toBe('role');
    const done = answer(afterRole, 'gis', 'no', maxSchool)!;
    expect(previousStep('check', done, maxSchool)).toBe('gis');
    expect(situationOf(done, maxSchool)!.platforms).toEqual(['MAX']);
    expect(toQuery(done, 'result', maxSchool)).toBe('?v=1&r=teacher&gis=no&q=result');
    expect(parseQuery('?v=1&r=teacher&gis=no', maxSchool).answers).toEqual({ role: 'teacher', type: 'школа', gis: 'no' });
  });

  it('can still be changed by the reader, and then the reader’s answer counts', () => {
    const done = { role: 'teacher', gis: 'no' } as Answers;
    expect(currentStep(done, 'platform', maxSchool)).toBe('platform');
    const changed = answer(done, 'platform', 'vk', maxSchool)!;
    expect(walk(changed, maxSchool).preset).toEqual([]);
    expect(situationOf(changed, maxSchool)!.platforms).toEqual(['VK']);
    expect(toQuery(changed, 'check', maxSchool)).toContain('p=vk');
    expect(previousStep('gis', changed, maxSchool)).toBe('platform');
  });
});
