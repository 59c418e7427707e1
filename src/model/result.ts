// Every stage returns its value together with the warnings it raised, so that nothing a
// stage noticed is lost on the way to the output (the mammoth.js `Result` pattern).

export interface Where {
  /** 1-based source line numbers the warning is about. */
  lines?: number[];
  /** 1-based page number, for paged sources. */
  page?: number;
}

/**
 * Every warning a conversion can give, by code (stable, for scripts): a heading or
 * category with no task under it, a task without number or requirement, a paragraph kept
 * out of the tasks, a cell that could not be placed, a table of other columns left
 * unread, a page whose text was not read, lines recognised by OCR with low confidence,
 * no plan year.
 */
export type WarningCode = "empty-section" | "no-number" | "no-text" | "not-a-task" | "unplaced-cell" | "other-table" | "page-unread" | "low-confidence" | "no-year";

export interface Warning {
  /** Stable machine-readable code. */
  code: WarningCode;
  message: string;
  where?: Where;
}

export interface Result<T> {
  value: T;
  warnings: Warning[];
}

export function ok<T>(value: T, warnings: Warning[] = []): Result<T> {
  return { value, warnings };
}

export function warning(code: WarningCode, message: string, where?: Where): Warning {
  return where ? { code, message, where } : { code, message };
}
