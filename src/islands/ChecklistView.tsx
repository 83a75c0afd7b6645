/** A checklist grouped by phase, each item with its clauses and platform notes. Rendered on the server for the
 * static role pages and inside the wizard island, where the boxes can be ticked. */
import { PLATFORM_NAMES, withEmails, type ChecklistGroup, type PlatformNote } from '../domain/checklist.ts';

interface Props {
  groups: readonly ChecklistGroup[];
  /** The sentence that sends the reader to someone where no source says how a step works now (see askAbout). */
  ask: string;
  done?: ReadonlySet<string>;
  onToggle?: (id: string) => void;
  /** Copies an e-mail address; without it (no JavaScript) addresses are plain mailto: links. */
  onCopy?: (text: string) => void;
  /** Prefix of the phase headings' ids, for a second checklist on the same page. */
  idPrefix?: string;
}

/** A duty's text with its e-mail addresses as mailto: links. */
function DutyText({ text }: { text: string }) {
  return <>{withEmails(text).map((part, i) => (part.email ? <a key={i} href={`mailto:${part.text}`}>{part.text}</a> : part.text))}</>;
}

/** A copy button for each address in a duty's text (outside its label: a button cannot sit inside one). */
function CopyButtons({ text, onCopy }: { text: string; onCopy: (text: string) => void }) {
  return (
    <>
      {withEmails(text)
        .filter((part) => part.email)
        .map((part) => (
          <button key={part.text} type="button" class="copy no-print" onClick={() => onCopy(part.text)}>
            Скопировать адрес {part.text}
          </button>
        ))}
    </>
  );
}

function Note({ note, ask }: { note: PlatformNote; ask: string }) {
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
      {note.askAdmin && ask}
    </p>
  );
}

export default function ChecklistView({ groups, ask, done, onToggle, onCopy, idPrefix = '' }: Props) {
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
                    <DutyText text={item.text} />
                  </label>
                  {onCopy && <CopyButtons text={item.text} onCopy={onCopy} />}
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
                    <Note key={note.platform} note={note} ask={ask} />
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
