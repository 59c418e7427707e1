// The output contract (FORMAT.md) as a zod schema: every output is validated against it
// before it is written, and `workplan schema` prints the JSON Schema derived from it.

import * as z from "zod";

export const SCHEMA_VERSION = "1.0";

export const RoleSchema = z.enum(["lead", "support", "responsible"]);

export const UnitSchema = z
  .object({
    name: z.string().min(1),
    role: RoleSchema,
    canonical: z.string().min(1).optional().describe("the unit's name in the user's alias table (--aliases), when it has one"),
  })
  .strict();

export const DeadlineSchema = z
  .object({
    kind: z.enum(["year-round", "by-date", "recurring", "ongoing", "relative", "other"]),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/u)
      .nullable()
      .describe("YYYY-MM-DD for year-round and by-date when a year is known, else null"),
  })
  .strict();

export const WarningSchema = z
  .object({
    code: z.string().min(1),
    message: z.string().min(1),
    lines: z.array(z.number().int().positive()).optional(),
    page: z.number().int().positive().optional(),
  })
  .strict();

export const TaskSchema = z
  .object({
    number: z.string().nullable().describe('the task\'s own number as printed: "12", or "（一）" for prose items'),
    path: z.array(z.string()).describe("headings containing the task, outermost first, as printed"),
    title: z.string().nullable(),
    text: z.string().nullable().describe("the requirement text, whole"),
    unitsText: z.string().nullable(),
    units: z.array(UnitSchema),
    deadlineText: z.string().nullable(),
    deadline: DeadlineSchema.nullable(),
    status: z.string().nullable(),
    remarks: z.string().nullable(),
    extra: z.record(z.string(), z.string()).describe("cells of columns that map to no field, keyed by their header"),
    provenance: z
      .object({
        lines: z.array(z.number().int().positive()).describe("1-based source lines; for a spreadsheet, the rows of its sheet"),
        page: z.number().int().positive().nullable().describe("the printed page of the table; for a spreadsheet, the sheet's position among the sheets read"),
        sheet: z.string().optional().describe("a spreadsheet's sheet the task's rows are on"),
        confidence: z.number().min(0).max(100).optional().describe("read by OCR: the recogniser's lowest word confidence over the task's cells, 0–100"),
      })
      .strict(),
  })
  .strict();

export const SourceSchema = z
  .object({
    file: z.string(),
    format: z.enum(["text", "html", "docx", "pdf", "doc", "rtf", "odt", "xlsx", "xls", "ods", "csv", "image"]),
    layout: z.string(),
    encoding: z.string().nullable(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/u),
  })
  .strict();

export const GeneratorSchema = z
  .object({
    name: z.literal("workplan"),
    version: z.string().min(1),
  })
  .strict()
  .describe("the program and version that wrote this output");

export const PlanSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    generator: GeneratorSchema,
    source: SourceSchema,
    title: z.string().nullable(),
    year: z.number().int().min(1949).max(2100).nullable(),
    columns: z.array(z.string()),
    tasks: z.array(TaskSchema),
    warnings: z.array(WarningSchema),
  })
  .strict()
  .meta({ title: "workplan output", description: "A work-plan notice as a normalized list of tasks (see FORMAT.md)." });

export type Plan = z.infer<typeof PlanSchema>;
export type Role = z.infer<typeof RoleSchema>;
export type Deadline = z.infer<typeof DeadlineSchema>;
export type SourceFormat = z.infer<typeof SourceSchema>["format"];
export type Task = z.infer<typeof TaskSchema>;
export type Unit = z.infer<typeof UnitSchema>;
export type PlanWarning = z.infer<typeof WarningSchema>;

export function planJsonSchema(): unknown {
  return z.toJSONSchema(PlanSchema);
}
