import { AppError, fieldError } from '../../platform/errors/app-error';

/** Largest procurement document accepted (bytes). */
export const MAX_DOCUMENT_BYTES = 20 * 1024 * 1024;

/**
 * The formats procurement documents are published in, recognised by their name AND their first bytes (a renamed
 * executable is not a PDF): PDF; Office Open XML and OFD (zip containers); legacy Office (OLE compound files); zip.
 */
const FORMATS = [
  { ext: ['pdf'], type: 'application/pdf', magic: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  {
    ext: ['docx'],
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  {
    ext: ['xlsx'],
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    magic: [0x50, 0x4b, 0x03, 0x04],
  },
  { ext: ['ofd'], type: 'application/ofd', magic: [0x50, 0x4b, 0x03, 0x04] },
  { ext: ['zip'], type: 'application/zip', magic: [0x50, 0x4b, 0x03, 0x04] },
  { ext: ['doc'], type: 'application/msword', magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { ext: ['xls'], type: 'application/vnd.ms-excel', magic: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
] as const;

export const ACCEPTED_EXTENSIONS = FORMATS.flatMap((f) => f.ext);
const MAGIC_BYTES = 8;

// eslint-disable-next-line no-control-regex
const BAD_NAME = /[\u0000-\u001f\u007f/\\]|[\uD800-\uDFFF]/;

/** Checks a file name and returns the format its extension claims; refuses names that cannot be shown or stored. */
export function formatOfName(fileName: string) {
  const name = fileName.normalize('NFC');
  if (name.length === 0 || name.length > 200 || BAD_NAME.test(name) || name.startsWith('.')) {
    throw fieldError(
      'file',
      '文件名须为 1–200 个字符，且不含路径分隔符或控制字符',
      'The file name must have 1–200 characters, without path separators or control characters',
    );
  }
  const ext = name.includes('.') ? (name.split('.').pop() ?? '').toLowerCase() : '';
  const format = FORMATS.find((f) => (f.ext as readonly string[]).includes(ext));
  if (!format) {
    throw fieldError(
      'file',
      `不支持的文件类型“.${ext}”，可上传：${ACCEPTED_EXTENSIONS.join('、')}`,
      `Files of type ".${ext}" are not accepted; accepted: ${ACCEPTED_EXTENSIONS.join(', ')}`,
    );
  }
  return { name, format };
}

/**
 * Passes the bytes through, refusing the file when its first bytes are not those of the format its name claims, when
 * it is empty, or when it grows over the limit. Throwing here aborts the blob store's put, which then leaves nothing.
 */
export async function* checkedContent(
  source: AsyncIterable<Uint8Array>,
  format: (typeof FORMATS)[number],
  fileName: string,
): AsyncGenerator<Uint8Array> {
  let head = new Uint8Array(0);
  let checked = false;
  let size = 0;
  const check = () => {
    checked = true;
    if (!format.magic.every((b, i) => head[i] === b)) {
      throw fieldError(
        'file',
        `“${fileName}”的内容不是 ${format.ext[0]?.toUpperCase() ?? ''} 文件（文件头不符），请上传真实的文件`,
        `The content of "${fileName}" is not a ${format.ext[0]?.toUpperCase() ?? ''} file (its header does not match)`,
      );
    }
  };
  for await (const chunk of source) {
    size += chunk.length;
    if (size > MAX_DOCUMENT_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', { limit: MAX_DOCUMENT_BYTES });
    if (!checked) {
      const joined = new Uint8Array(head.length + chunk.length);
      joined.set(head);
      joined.set(chunk, head.length);
      head = joined;
      if (head.length >= MAGIC_BYTES) check();
      else continue;
      yield head;
      continue;
    }
    yield chunk;
  }
  if (!checked) {
    if (head.length === 0) throw fieldError('file', `“${fileName}”是空文件`, `"${fileName}" is empty`);
    check();
    yield head;
  }
}
