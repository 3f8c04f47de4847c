/** .docx → text: the container is checked (ingest/read/zip.ts), then mammoth takes the raw text. */
import mammoth from 'mammoth';
import type { Diagnostic } from '../model.ts';
import { ReadError } from './errors.ts';
import { inspectZip, type ZipLimits } from './zip.ts';

export interface DocxText {
  text: string;
  diagnostics: Diagnostic[];
}

export async function docxToText(bytes: Uint8Array, file: string, limits: ZipLimits): Promise<DocxText> {
  const entries = inspectZip(bytes, file, limits);
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    throw new ReadError(file, 'docx-corrupt', 'a ZIP archive without word/document.xml: not a Word document');
  }
  let result: Awaited<ReturnType<typeof mammoth.extractRawText>>;
  try {
    result = await mammoth.extractRawText({ buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  } catch (err) {
    throw new ReadError(file, 'docx-corrupt', `the Word document cannot be parsed: ${(err as Error).message}`, { cause: err });
  }
  return {
    text: result.value,
    diagnostics: result.messages.map((m) => ({ severity: 'info', code: 'docx-message', message: m.message })),
  };
}
