export { buildImprovements, CATALOGUES } from './improvements.js';
export { findWeakPoints, type Finding } from './findings.js';
export type { AdviceCatalogue, AdviceLanguage, FindingId } from './catalogue.js';
export type { ImprovementItem } from './types.js';
