#!/usr/bin/env node
// Node 20 cannot run TypeScript itself: register tsx's loader, then start the CLI.
import { register } from 'tsx/esm/api';

register();
process.env.CHOUCHA_CLI = '1';
await import('../src/cli/main.ts');
