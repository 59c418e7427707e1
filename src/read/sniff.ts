// Which reader a file needs, from its first bytes first and its extension second:
// archives hold .doc files that are really HTML and PDFs without an extension.

import path from "node:path";

export type SourceFormat = "text" | "html" | "docx" | "pdf" | "doc";

export function sniffFormat(bytes: Uint8Array, file: string): SourceFormat | null {
  const head = Buffer.from(bytes.subarray(0, 1024));
  if (head.subarray(0, 5).toString("latin1") === "%PDF-") return "pdf";
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return "docx";
  if (head[0] === 0xd0 && head[1] === 0xcf && head[2] === 0x11 && head[3] === 0xe0) return "doc";
  const ascii = head.toString("latin1").replace(/^\ufeff|^\xef\xbb\xbf/u, "").trimStart().slice(0, 200).toLowerCase();
  if (ascii.startsWith("<!doctype html") || ascii.startsWith("<html") || /^<(?:head|body|meta|table)\b/u.test(ascii)) return "html";
  const ext = path.extname(file).toLowerCase();
  if (ext === ".html" || ext === ".htm") return "html";
  if (ext === ".pdf" || ext === ".docx" || ext === ".doc") return null; // the extension promised a format the bytes do not have
  return "text";
}
