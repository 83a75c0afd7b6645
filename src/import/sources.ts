/** Reading an input file as text, or refusing it with a Russian message that says what to do instead. */
import { extname } from 'node:path';
import { docxText } from './docx.ts';

/** An input the importer refuses; the message is for the person running it. */
export class ImportRefused extends Error {}

export interface SourceText {
  text: string;
  /** What the text was read from: «txt», «md», «docx», «pdf». */
  format: 'txt' | 'md' | 'docx' | 'pdf';
  notes: string[];
}

/** Decodes UTF-8, or Windows-1251 when the bytes are not valid UTF-8 (old Russian text files). */
function decodeText(bytes: Uint8Array, notes: string[]): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    notes.push('файл не в UTF-8: прочитан как Windows-1251, проверьте буквы');
    return new TextDecoder('windows-1251').decode(bytes);
  }
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { extractText, getDocumentProxy } = await import('unpdf');
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  return text.join('\n\n');
}

export async function readSource(fileName: string, bytes: Uint8Array): Promise<SourceText> {
  const extension = extname(fileName).toLowerCase();
  const notes: string[] = [];
  if (!bytes.length) throw new ImportRefused(`Файл «${fileName}» пуст: в нём нет текста. Проверьте, тот ли файл выбран, и сохраните документ заново.`);
  if (extension === '.doc' || extension === '.rtf' || extension === '.odt') {
    throw new ImportRefused(
      `Формат ${extension} не поддерживается. Откройте файл в Word или LibreOffice, сохраните как «Документ Word (.docx)» и импортируйте .docx.`,
    );
  }
  let source: SourceText;
  if (extension === '.txt' || extension === '.md') {
    source = { text: decodeText(bytes, notes), format: extension === '.md' ? 'md' : 'txt', notes };
  } else if (extension === '.docx') {
    if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
      throw new ImportRefused(`Файл «${fileName}» назван .docx, но это не документ Word: откройте его в Word и сохраните как .docx заново.`);
    }
    const { text, numbered, warnings } = await docxText(bytes);
    source = { text, format: 'docx', notes: [...warnings, `номера из автоматической нумерации Word: ${numbered}`] };
  } else if (extension === '.pdf') {
    let text: string;
    try {
      text = await pdfText(bytes);
    } catch {
      throw new ImportRefused(`PDF «${fileName}» не читается. Попросите у автора документ в формате .docx.`);
    }
    if (text.replace(/\s/g, '').length < 20) {
      throw new ImportRefused(
        `В PDF «${fileName}» нет текстового слоя: это скан. Попросите у автора текстовую версию (.docx или PDF, сохранённый из Word) — распознанный вручную текст придётся сверять с оригиналом построчно.`,
      );
    }
    source = { text, format: 'pdf', notes: ['текст извлечён из PDF: переносы строк и страниц восстановлены автоматически, сверьте с оригиналом'] };
  } else {
    throw new ImportRefused(`Файлы «${extension || 'без расширения'}» не импортируются. Подойдут .docx, .txt, .md или PDF с текстовым слоем.`);
  }
  if (!source.text.trim()) throw new ImportRefused(`В файле «${fileName}» нет текста. Проверьте, тот ли файл выбран.`);
  return source;
}
