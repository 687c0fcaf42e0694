import { fileURLToPath } from 'node:url';

/** The package's sample-data/ folder (the same from src/ under tsx and from dist/). */
export const SAMPLE_DATA_DIR = fileURLToPath(new URL('../../sample-data/', import.meta.url));

/** Files of sample-data/ that make a demo project, copied as they are. */
export const SAMPLE_PROJECT_FILES = ['replybench.yaml', 'logo.svg', 'instagram-mapping.yaml'] as const;
