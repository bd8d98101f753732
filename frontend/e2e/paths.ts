// Where the end-to-end run writes: screenshots and the failure report.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** make screenshots: docs/screenshots; else build/screenshots. */
export const SCREENSHOT_DIR = process.env['SOCAI_SCREENSHOTS'] ?? path.join(REPO_ROOT, 'build', 'screenshots');

/** What the page showed when a test failed: report.txt and a screenshot per failure
 * (make e2e prints the report after a failed run). */
export const FAILURE_DIR = process.env['SOCAI_E2E_FAILURES'] ?? path.join(REPO_ROOT, 'build', 'e2e-failures');
