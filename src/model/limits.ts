// Limits that keep a batch over unchecked files from hanging or exhausting memory.
// Each has a clear error; the CLI can change the first two.

/** Largest input read, in bytes (--max-size, in MB). */
export const DEFAULT_MAX_SIZE = 100 * 1024 * 1024;

/**
 * A text or web page up to this size, in bytes, is converted by a one-file run in its own
 * process, not a child's: every step is linear, so it takes well under a second and a few
 * hundred MB at most (text ~50 bytes of memory per byte, a page ~30), far inside the time
 * and memory limits, which therefore cannot decide its result — and the ~80 ms of a
 * second Node start are saved. Anything larger, or of another format, or a run with an
 * explicit --timeout or --max-memory, converts in a child.
 */
export const IN_PROCESS_MAX_BYTES = 4 * 1024 * 1024;

/** Seconds one file may take (--timeout), alone or in a batch. */
export const DEFAULT_TIMEOUT_S = 120;

/**
 * Memory one conversion may use, in MB (--max-memory), alone or in a batch: its process's
 * V8 heap cap, and half as much again of resident memory for what lives outside the heap
 * (PDFium's WebAssembly memory, zlib). A 90,000-row Word table needs ~300 MB of heap.
 */
export const DEFAULT_MAX_MEMORY_MB = 1024;

/**
 * Pages of a PDF read at most (a choice of pages, --pages, may name others): notices run
 * to a few hundred. A 6 MB PDF can list one page a million times, which read whole took
 * 1.4 GB.
 */
export const MAX_PAGES = 2000;

/** A Word file: at most this many zip entries, inflating to at most this many bytes. */
export const MAX_ZIP_ENTRIES = 10_000;
export const MAX_UNZIPPED = 512 * 1024 * 1024;

/**
 * How deep elements may nest in a web page or a Word file. Real notices nest a few dozen
 * deep (a table in a layout table in a page); the HTML parser's cost grows with the
 * square of the depth, and a page of 100,000 nested elements took a minute.
 */
export const MAX_NESTING = 1000;

/**
 * Table cells a web page may hold, counted before it is parsed. A page is parsed whole
 * into a tree (about 30 bytes of memory per byte of HTML, 2–3 MB a second by the HTML
 * standard's rules), where a Word file is streamed: a page of 300,000 cells needed ten
 * seconds and close to a gigabyte. The largest notice tables seen hold a few thousand.
 */
export const MAX_HTML_CELLS = 200_000;

/** A table: at most this many grid cells after spans are expanded, and this many columns. */
export const MAX_CELLS = 500_000;
export const MAX_COLUMNS = 200;
