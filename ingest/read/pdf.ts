/**
 * .pdf → text: the text layer of every page (pdf.js through unpdf), pages joined with a newline,
 * under a time limit. Scanned PDFs without a text layer yield no text.
 */
import { getResolvedPDFJS } from 'unpdf';
import { ReadError } from './errors.ts';

/** A PDF must end with %%EOF (within the last KiB); otherwise it was cut short. */
function endsWithEof(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(-1024);
  return tail.includes('%%EOF', 0, 'latin1');
}

export async function pdfToText(bytes: Uint8Array, file: string, timeoutMs: number): Promise<string> {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024));
  if (!head.includes('%PDF-', 0, 'latin1')) throw new ReadError(file, 'pdf-corrupt', 'no %PDF- header: not a PDF file');
  if (!endsWithEof(bytes)) throw new ReadError(file, 'pdf-corrupt', 'no %%EOF marker at the end: the PDF is truncated');

  // The limit is checked after every step and also races each step, in case one never settles.
  const overtime = () => new ReadError(file, 'timeout', `PDF text extraction took over ${timeoutMs} ms`);
  const deadline = Date.now() + timeoutMs;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(overtime()), timeoutMs);
  });
  const within = async <T>(work: Promise<T>): Promise<T> => {
    const result = await Promise.race([work, expired]);
    if (Date.now() >= deadline) throw overtime();
    return result;
  };
  const pdfjs = await getResolvedPDFJS();
  // pdf.js takes ownership of (detaches) the buffer it is given and refuses a Node Buffer
  // (whose slice() is a view, not a copy): hand it a plain Uint8Array copy.
  const task = pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 });
  try {
    const doc = await within(task.promise);
    const pages: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await within(doc.getPage(n));
      const content = await within(page.getTextContent());
      pages.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
      page.cleanup();
    }
    return pages.join('\n');
  } catch (err) {
    if (err instanceof ReadError) throw err;
    const name = (err as Error)?.name;
    if (name === 'PasswordException') throw new ReadError(file, 'pdf-encrypted', 'the PDF is encrypted and needs a password', { cause: err });
    throw new ReadError(file, 'pdf-corrupt', `the PDF cannot be parsed: ${(err as Error)?.message ?? String(err)}`, { cause: err });
  } finally {
    clearTimeout(timer);
    await task.destroy();
  }
}
