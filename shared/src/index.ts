export * from './enums';
export * from './labels';
export * from './api';
export * from './dates';
