import { UserError } from '../errors.js';

/** Action of a command whose implementation has not landed yet. */
export function notBuiltYet(command: string): () => never {
  return () => {
    throw new UserError(`"${command}" is not built yet in this version of replybench.`);
  };
}
