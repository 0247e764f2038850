// A file that imports its own importer: the lint test checks that this is reported.
import { second } from './second';

export const first = (): number => second() + 1;
