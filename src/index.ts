export { UserError } from './errors.js';
export { loadConfig, parseConfig } from './config/load.js';
export type { Brand, Config, Role } from './config/types.js';
export { Store } from './store/database.js';
export { POST_COLUMNS, POST_KINDS, type PostColumn, type PostKind } from './store/schema.js';
