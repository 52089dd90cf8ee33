export { clearOutbox, hasEntriesOfAnyone, outboxEntries, type OutboxEntry } from './outbox';
export { createOrQueue, isSavedOnDevice, SavedOnDevice } from './sync';
export { SyncBanner, SyncStatusButton, useOutboxSync, type OutboxSync } from './SyncStatus';
