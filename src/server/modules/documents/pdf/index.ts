// The PDF layout kit: a DIN 5008 letter on a location's letterhead, tables and facts.
export { Letter, type LetterSpec } from './letter';
export { type Column, facts, type Row, table } from './table';
export { MailMerge, type MergedLetter } from './mail-merge';
