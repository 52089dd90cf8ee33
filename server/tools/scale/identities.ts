import { DEMO_PASSWORD } from '../../src/database/seed/demo';

/**
 * The sign-ins of the scale organisation, deterministic so the benchmark can
 * find them: team 1 always has exactly ten workers, `worker1` … `worker10`.
 */
export const SCALE_PASSWORD = DEMO_PASSWORD;
export const SCALE_DOMAIN = 'scale.example';
export const SCALE_ADMIN_EMAIL = `admin@${SCALE_DOMAIN}`;
export const supervisorEmail = (team: number) => `supervisor${team}@${SCALE_DOMAIN}`;
export const workerEmail = (worker: number) => `worker${worker}@${SCALE_DOMAIN}`;

/** Workers of team 1, the team the caseload and group-session benchmarks use. */
export const TEAM_ONE_WORKERS = 10;

/**
 * A name fragment about a quarter of participants match (Johnson, Wilson,
 * Robinson, …): the participant search the benchmark runs.
 */
export const COMMON_NAME_FRAGMENT = 'son';
