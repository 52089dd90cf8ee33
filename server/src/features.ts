import type { Type } from '@nestjs/common';

/**
 * The record-keeping features (participants, sessions, advocacy, resources,
 * handouts, decision notes, reports). Each lives in its own folder.
 */
export const FEATURE_MODULES: Type[] = [];
