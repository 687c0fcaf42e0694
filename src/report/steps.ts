/** The steps of a report, in order: measuring, themes, diagnostics, the pages and charts, then the files (the PDF printing beside the deck and workbook). */
export const REPORT_STEPS = ['metrics', 'themes', 'diagnostics', 'pages', 'files'] as const;
export type ReportStep = (typeof REPORT_STEPS)[number];

/** A step's place, from 1. */
export function stepNumber(step: ReportStep): number {
  return REPORT_STEPS.indexOf(step) + 1;
}
