export { defineRecord, type RecordTable } from './record-table';
export { Filter } from './filter';
export {
  createOnce,
  findInTeam,
  findStored,
  insertReturning,
  listPage,
  requireVersion,
  scopeOf,
  staleVersion,
  updateVersioned,
} from './store';
export { answerCreate, CreateRecord } from './http';
export type { CreateResult } from '../common/retry';
