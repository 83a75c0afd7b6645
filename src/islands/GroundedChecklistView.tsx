/** A role's checklist in an institution: its own act's duties, then apart what only others' documents state.
 * Rendered on the server for the static role pages and inside the wizard island. */
import type { GroundedChecklist } from '../domain/checklist.ts';
import ChecklistView from './ChecklistView.tsx';

interface Props {
  checklist: GroundedChecklist;
  /** The sentence that sends the reader to someone where no source says how a step works now (see askAbout). */
  ask: string;
  done?: ReadonlySet<string>;
  onToggle?: (id: string) => void;
  /** Copies an e-mail address (in the wizard); without it addresses are plain mailto: links. */
  onCopy?: (text: string) => void;
}

export default function GroundedChecklistView({ checklist, ask, done, onToggle, onCopy }: Props) {
  return (
    <>
      {checklist.notice && (
        <p class="notice" role="note">
          {checklist.notice}
        </p>
      )}
      <ChecklistView groups={checklist.groups} ask={ask} done={done} onToggle={onToggle} onCopy={onCopy} />
      {checklist.elsewhere.length > 0 && (
        <section class="elsewhere" aria-labelledby="elsewhere">
          <h2 id="elsewhere">Чего нет в нашем документе: как это устроено в других учреждениях</h2>
          <p>
            Этих пунктов в документе учреждения нет. Ниже — рекомендации Минпросвещения России и правила других учреждений: у каждого указано,
            чьё оно. Обязательны они только там, где приняты; как поступать у вас, узнайте по разделу «Кого спросить» ниже.
          </p>
          <ChecklistView groups={checklist.elsewhere} ask={ask} done={done} onToggle={onToggle} onCopy={onCopy} idPrefix="elsewhere-" />
        </section>
      )}
    </>
  );
}
