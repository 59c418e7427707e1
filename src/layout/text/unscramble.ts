import type { Table } from "../../model/document.js";

export function unscramble(table: Table): { table: Table; scrambledPages: number } {
  return { table, scrambledPages: 0 };
}
