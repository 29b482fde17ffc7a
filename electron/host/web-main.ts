#!/usr/bin/env node
import { runWebHost } from './run-web-host.ts';

await runWebHost(process.argv.slice(2));
