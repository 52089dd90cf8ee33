export { computed, defineRecord, json, type RecordTable } from './record-table';
export { Filter } from './filter';
export {
  createOnce,
  findInTeam,
  findStored,
  insertReturning,
  listPage,
  NOW,
  requireVersion,
  scopeOf,
  staleVersion,
  updateReturning,
  updateVersioned,
  writeRows,
  type Queryable,
  type Values,
} from './store';
export * from './http';
export { RecordContext, type ListScope } from './context';
export { datesNotBefore, ownForWorkers, periodInOrder } from './rules';
export type { CreateResult } from '../common/retry';
