import type { Page } from '@playwright/test';

/** The pages' HTML as `page` gets it from now on: without their kept styles. */
export function withoutKeptStyles(page: Page): Promise<void>;
