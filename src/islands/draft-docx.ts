/**
 * The draft as a Word document: loaded only when the reader asks for the download (the `docx` library is a
 * separate chunk). Clause numbers are written as text, so the file reads the same in any editor; substitutions
 * are highlighted and every review note is a Word comment, so the body holds the draft's text and nothing else.
 */
import {
  AlignmentType, CommentRangeEnd, CommentRangeStart, CommentReference, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
  type ICommentOptions, type ParagraphChild,
} from 'docx';
import { clauseChanges, clauseLabel, type Draft, type Piece } from '../domain/draft.ts';

const AUTHOR = 'Сайт «Сферум» по правилам';

export function draftDocument(draft: Draft, today = new Date()): Document {
  const comments: ICommentOptions[] = [];
  const commented = (runs: ParagraphChild[], note: string): ParagraphChild[] => {
    const id = comments.length;
    comments.push({ id, author: AUTHOR, date: today, children: [new Paragraph({ children: [new TextRun(note)] })] });
    return [new CommentRangeStart(id), ...runs, new CommentRangeEnd(id), new TextRun({ children: [new CommentReference(id)] })];
  };
  const runs = (pieces: Piece[], bold = false): ParagraphChild[] =>
    pieces.flatMap((piece) =>
      piece.was === undefined
        ? [new TextRun({ text: piece.text, bold })]
        : commented([new TextRun({ text: piece.text, bold, highlight: 'yellow' })], `Замена: в образце «${piece.was}».`),
    );

  const body: (Paragraph | Table)[] = [
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('УТВЕРЖДЕНО')] }),
    new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('приказом … от … № …')] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240 }, children: [new TextRun(draft.name)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: runs(draft.title, true) }),
  ];
  for (const section of draft.sections) {
    body.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240, after: 120 }, children: [new TextRun({ text: `${section.number} `, bold: true }), ...runs(section.heading, true)] }));
    for (const clause of section.clauses) {
      clause.paragraphs.forEach((paragraph, index) => {
        const lead = index === 0 ? [new TextRun(`${clause.number} `)] : paragraph.depth ? [new TextRun('– ')] : [];
        const children = [...lead, ...runs(paragraph.pieces)];
        const noted = index === 0 && clause.notes.length ? commented(children, clause.notes.join(' ')) : children;
        body.push(new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { left: Math.min(paragraph.depth, 2) * 360 }, children: noted }));
      });
    }
  }
  const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  body.push(
    new Paragraph({ pageBreakBefore: true, alignment: AlignmentType.CENTER, children: [new TextRun({ text: 'Приложение. Источник каждого пункта', bold: true })] }),
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        new TableRow({ tableHeader: true, children: [cell('Пункт проекта', true), cell('Образец и пункт', true), cell('Замены', true)] }),
        ...draft.sections.flatMap((section) =>
          section.clauses.map((clause) => new TableRow({ children: [cell(clauseLabel(clause.number)), cell(clause.source), cell(clauseChanges(clause))] })),
        ),
      ],
    }),
  );
  return new Document({
    creator: AUTHOR,
    title: draft.title.map((piece) => piece.text).join(''),
    styles: { default: { document: { run: { font: 'Times New Roman', size: 24 } } } },
    comments: { children: comments },
    sections: [{ children: body }],
  });
}

/** The .docx file of the draft, for the download link. */
export function draftDocx(draft: Draft): Promise<Blob> {
  return Packer.toBlob(draftDocument(draft));
}
