// Before an end-to-end run: the failure report of the previous run is gone.

import { rmSync } from 'node:fs';
import { FAILURE_DIR } from './paths';

export default function setup(): void {
  rmSync(FAILURE_DIR, { recursive: true, force: true });
}
