import type { BrandMetrics } from './types.js';

/**
 * A brand of which the data holds nothing in the period (scope): neither a
 * post of its own nor a mention its figures count. Its zeros are no data, not
 * a measure: an export that does not cover it reads the same as a brand
 * nobody mentioned.
 */
export function hasNoData(brand: BrandMetrics): boolean {
  return brand.coverage !== undefined && brand.coverage !== null && brand.coverage.span.first === null;
}
