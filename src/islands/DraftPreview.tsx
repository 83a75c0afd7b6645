/** The draft as the page shows and prints it: substitutions highlighted with the model's words, notes beside clauses. */
import { clauseChanges, clauseLabel, type Draft, type Piece } from '../domain/draft.ts';

function Pieces({ pieces }: { pieces: Piece[] }) {
  return (
    <>
      {pieces.map((piece) =>
        piece.was === undefined ? (
          piece.text
        ) : (
          <mark class="draft-subst" title={`Замена: в образце «${piece.was}»`}>
            {piece.text}
            <span class="draft-was"> [в образце: «{piece.was}»]</span>
          </mark>
        ),
      )}
    </>
  );
}

export default function DraftPreview({ draft }: { draft: Draft }) {
  return (
    <article class="draft" aria-labelledby="draft-title">
      <div class="draft-approval">
        <p>УТВЕРЖДЕНО</p>
        <p>приказом … от … № …</p>
      </div>
      <p class="draft-institution">{draft.name}</p>
      <h2 id="draft-title" class="draft-title">
        <Pieces pieces={draft.title} />
      </h2>
      {draft.sections.map((section) => (
        <section key={section.number}>
          <h3>
            {section.number} <Pieces pieces={section.heading} />
          </h3>
          {section.clauses.map((clause) => (
            <div class="draft-clause" key={clause.number}>
              {clause.paragraphs.map((paragraph, index) =>
                index === 0 ? (
                  <p>
                    <span class="draft-n">{clause.number}</span> <Pieces pieces={paragraph.pieces} />
                  </p>
                ) : (
                  <p class={`draft-item draft-depth-${Math.min(paragraph.depth, 2)}`}>
                    {paragraph.depth ? '– ' : ''}
                    <Pieces pieces={paragraph.pieces} />
                  </p>
                ),
              )}
              {clause.notes.map((note) => (
                <p class="draft-note">
                  <strong>Проверьте:</strong> {note}
                </p>
              ))}
            </div>
          ))}
        </section>
      ))}
      <section class="draft-sources">
        <h3>Приложение. Источник каждого пункта</h3>
        <table>
          <thead>
            <tr>
              <th scope="col">Пункт проекта</th>
              <th scope="col">Образец и пункт</th>
              <th scope="col">Замены</th>
            </tr>
          </thead>
          <tbody>
            {draft.sections.flatMap((section) =>
              section.clauses.map((clause) => (
                <tr key={clause.number}>
                  <td>{clauseLabel(clause.number)}</td>
                  <td>{clause.source}</td>
                  <td>{clauseChanges(clause)}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </section>
    </article>
  );
}
