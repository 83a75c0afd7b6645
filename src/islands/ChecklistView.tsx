/** A checklist grouped by phase, each item with its clauses and platform notes. Rendered on the server for the
 * static role pages and inside the wizard island, where the boxes can be ticked. */
import { PLATFORM_NAMES, type ChecklistGroup, type PlatformNote } from '../domain/checklist.ts';

interface Props {
  groups: readonly ChecklistGroup[];
  /** «Иванова М. П., тел. …»: who to ask where no source says how a step works now. */
  adminContact: string;
  done?: ReadonlySet<string>;
  onToggle?: (id: string) => void;
  /** Prefix of the phase headings' ids, for a second checklist on the same page. */
  idPrefix?: string;
}

function Note({ note, adminContact }: { note: PlatformNote; adminContact: string }) {
  return (
    <p class="platform-note">
      <strong>{PLATFORM_NAMES[note.platform]}:</strong>{' '}
      {note.facts.map((fact) => (
        <span key={fact.id}>
          {fact.text} (
          {fact.sources.map((source, i) => (
            <span key={source}>
              {i > 0 && ', '}
              <a href={source}>{new URL(source).hostname}</a>
            </span>
          ))}
          , {fact.date}).{' '}
        </span>
      ))}
      {note.askAdmin && <>Как этот шаг выполняется сейчас, уточните у администратора платформы: {adminContact}.</>}
    </p>
  );
}

export default function ChecklistView({ groups, adminContact, done, onToggle, idPrefix = '' }: Props) {
  return (
    <div class="checklist">
      {groups.map((group) => (
        <section key={group.phase} aria-labelledby={`${idPrefix}phase-${group.phase}`}>
          <h2 id={`${idPrefix}phase-${group.phase}`}>{group.title}</h2>
          <ul class="plain duties">
            {group.items.map((item) => (
              <li key={item.id} class="duty">
                <input
                  type="checkbox"
                  id={`duty-${item.id}`}
                  checked={done?.has(item.id)}
                  onChange={onToggle && (() => onToggle(item.id))}
                />
                <div>
                  <label for={`duty-${item.id}`}>
                    {item.conditions.length > 0 && <strong>{item.conditions.join('; ')}: </strong>}
                    {item.text}
                  </label>
                  <p class="refs">
                    Основание:{' '}
                    {item.refs.map((ref, i) => (
                      <span key={ref.href}>
                        {i > 0 && '; '}
                        <a href={ref.href}>{ref.label}</a>
                      </span>
                    ))}
                  </p>
                  {item.notes.map((note) => (
                    <Note key={note.platform} note={note} adminContact={adminContact} />
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
