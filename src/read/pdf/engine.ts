// Loads pdf.js once per thread. Its legacy build (the one made for Node) carries core-js,
// which on loading replaces built-ins for the whole thread: Array.prototype.push with a
// JavaScript version ~6× slower than V8's (forced because V8's push() with no arguments
// on an array whose length is read-only does not throw), JSON.parse, and
// Function.prototype.toString. Every later push in the thread — pdf.js's own,
// cheerio's, ours — paid for it: ~12% of a mixed batch's CPU. The natives are put back
// once both halves of pdf.js have loaded (the worker half is imported here, not later by
// pdf.js, so it cannot replace them again); what core-js only adds
// (Promise.withResolvers, Uint8Array.fromBase64, …) stays: pdf.js needs it.

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

const natives = [
  [Array.prototype, "push"],
  [JSON, "parse"],
  [Function.prototype, "toString"],
] as const;

let loading: Promise<PdfJs> | null = null;

async function load(): Promise<PdfJs> {
  const saved = natives.map(([owner, key]) => Object.getOwnPropertyDescriptor(owner, key));
  try {
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    // Sets globalThis.pdfjsWorker, which pdf.js's in-thread ("fake") worker then uses.
    await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
    return pdfjs;
  } finally {
    natives.forEach(([owner, key], i) => {
      const d = saved[i];
      if (d) Object.defineProperty(owner, key, d);
    });
  }
}

export function pdfEngine(): Promise<PdfJs> {
  loading ??= load();
  return loading;
}
