// Once per vitest run: start the record of what the robustness tests tried afresh.
import { rmSync } from 'node:fs';
import { triedFile } from './tried';

export default function setup(): void {
  rmSync(triedFile, { force: true });
}
