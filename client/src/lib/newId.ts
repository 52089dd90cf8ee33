import { v4 } from 'uuid';

/**
 * A v4 uuid for client-chosen record ids (safe retries). The `uuid` package uses
 * `crypto.randomUUID` where it exists (secure contexts) and `getRandomValues`
 * elsewhere, so plain-http deployments get one too.
 */
export function newId(): string {
  return v4();
}
