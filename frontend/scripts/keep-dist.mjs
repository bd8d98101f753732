// Vite empties dist/ on build; recreate the committed placeholder so that
// `//go:embed all:frontend/dist` keeps working from a clean checkout.
import { writeFileSync } from 'node:fs';
writeFileSync(new URL('../dist/.keep', import.meta.url), '');
