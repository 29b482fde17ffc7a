#!/usr/bin/env node
import { runCli } from './carnet.ts';

process.exitCode = await runCli(process.argv.slice(2));
