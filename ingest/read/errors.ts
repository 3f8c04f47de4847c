/** The one error the readers throw for unusable input: names the file and a stable code. */

export type ReadErrorCode =
  | 'empty'
  | 'binary'
  | 'invalid-utf8'
  | 'invalid-utf16'
  | 'legacy-encoding-unknown'
  | 'too-large'
  | 'pdf-encrypted'
  | 'pdf-corrupt'
  | 'docx-corrupt'
  | 'zip-bomb'
  | 'unsupported-format'
  | 'timeout'
  | 'unreadable';

export class ReadError extends Error {
  override name = 'ReadError';
  constructor(
    readonly file: string,
    readonly code: ReadErrorCode,
    problem: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}: ${problem}`, options);
  }
}
