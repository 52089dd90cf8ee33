import type { Health } from '@peerpath/shared';
import { Out } from '../common/api-docs';

export class HealthResponse implements Health {
  @Out.enum(['ok', 'error'])
  status: 'ok' | 'error';

  @Out.enum(['up', 'down'])
  db: 'up' | 'down';
}
