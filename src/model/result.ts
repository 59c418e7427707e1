// Every stage returns its value together with the warnings it raised, so that nothing a
// stage noticed is lost on the way to the output (the mammoth.js `Result` pattern).

export interface Where {
  /** 1-based source line numbers the warning is about. */
  lines?: number[];
  /** 1-based page number, for paged sources. */
  page?: number;
}

export interface Warning {
  /** Stable machine-readable code, e.g. `unplaced-cell`. */
  code: string;
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

export function warning(code: string, message: string, where?: Where): Warning {
  return where ? { code, message, where } : { code, message };
}
