// Word's XML as a stream of tag events (htmlparser2's tokenizer in XML mode: entities
// decoded, CDATA as text), never a tree: what a part holds is kept by its reader, the rest
// is gone as soon as it is read.

import { Parser } from "htmlparser2";

export interface XmlHandler {
  open(name: string, attribs: Record<string, string>): void;
  text?(data: string): void;
  close(name: string): void;
}

/** A parser fed chunk by chunk (a part inflating), or once with a whole string. */
export function xmlStream(h: XmlHandler): { write(chunk: string): void; end(): void } {
  const parser = new Parser(
    {
      onopentag: (name, attribs) => h.open(name, attribs),
      ontext: (data) => h.text?.(data),
      onclosetag: (name) => h.close(name),
    },
    { xmlMode: true, decodeEntities: true },
  );
  return { write: (c) => parser.write(c), end: () => parser.end() };
}

export function parseXml(xml: string, h: XmlHandler): void {
  const s = xmlStream(h);
  s.write(xml);
  s.end();
}
