/** A source text written as a Word document with Word's automatic numbering (for the import tests and the benchmark). */
import { AlignmentType, Document, LevelFormat, Packer, Paragraph, TextRun, type ILevelsOptions } from 'docx';

export const level = (level: number, text: string, format: (typeof LevelFormat)[keyof typeof LevelFormat] = LevelFormat.DECIMAL, start = 1): ILevelsOptions => ({
  level, format, text, start, alignment: AlignmentType.LEFT,
});

const NUMBERING = {
  config: [
    { reference: 'clauses', levels: [level(0, '%1.'), level(1, '%1.%2.'), level(2, '%1.%2.%3.')] },
    { reference: 'dashes', levels: [level(0, '–', LevelFormat.BULLET), level(1, '–', LevelFormat.BULLET)] },
  ],
};

/** Runs of one paragraph: `**` toggles bold (also across lines), each source line after the first on a new line. */
function runs(lines: string[]): TextRun[] {
  let bold = false;
  const out: TextRun[] = [];
  lines.forEach((line, i) => {
    line.split('**').forEach((piece, j) => {
      if (j > 0) bold = !bold;
      if (piece || (i > 0 && j === 0)) out.push(new TextRun({ text: piece, bold, break: i > 0 && j === 0 ? 1 : undefined }));
    });
  });
  return out;
}

/**
 * A source text as a Word document: «1.», «1.1.» numbers and dash items become Word's automatic numbering
 * wherever the numbering would produce the same number; other lines stay paragraphs as written.
 */
export async function asDocx(text: string): Promise<{ bytes: Uint8Array; automatic: number; literal: number }> {
  const counters: number[] = [];
  const paragraphs: Paragraph[] = [];
  let automatic = 0;
  let literal = 0;
  let open: { lines: string[]; numbering?: { reference: string; level: number } } | undefined;
  const flush = () => {
    if (open) paragraphs.push(new Paragraph({ children: runs(open.lines), numbering: open.numbering }));
    open = undefined;
  };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+$/, '');
    if (!line.trim()) {
      flush();
      continue;
    }
    const number = /^\s*(\d{1,2}(?:\.\d{1,2}){0,2})\.\s+(.*)$/.exec(line);
    const dash = /^(\s*)[-–]\s+(.*)$/.exec(line);
    if (number) {
      flush();
      const parts = number[1].split('.').map(Number);
      const depth = parts.length - 1;
      const expected = [...counters.slice(0, depth), (counters[depth] ?? 0) + 1];
      if (parts.every((part, i) => part === expected[i])) {
        counters.splice(0, counters.length, ...expected);
        open = { lines: [number[2]], numbering: { reference: 'clauses', level: depth } };
        automatic++;
      } else {
        open = { lines: [line.trim()] };
        literal++;
      }
    } else if (dash && dash[2]) {
      flush();
      open = { lines: [dash[2]], numbering: { reference: 'dashes', level: dash[1].length ? 1 : 0 } };
      automatic++;
    } else if (open && !open.numbering) open.lines.push(line);
    else if (open) open.lines.push(line); // a wrapped line of a numbered paragraph
    else open = { lines: [line] };
  }
  flush();
  const document = new Document({ numbering: NUMBERING, sections: [{ children: paragraphs }] });
  return { bytes: new Uint8Array(await Packer.toBuffer(document)), automatic, literal };
}

