export { buildImprovements, type ImprovementOptions } from './improvements.js';
export { findWeakPoints, type Finding } from './findings.js';
export { FINDING_IDS, type AdviceLanguage, type FindingId, type ImprovementItem } from './types.js';
