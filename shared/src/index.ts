export * from './enums';
export * from './labels';
export * from './api';
export * from './dates';
export * from './reports';
export * from './suppression';
export * from './instruments';
