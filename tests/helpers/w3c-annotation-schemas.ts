import fs from 'node:fs';
import path from 'node:path';
import AjvModule from 'ajv-draft-04';
import formatsModule from 'ajv-formats';
import { PROJECT_ROOT } from './temp-dir.ts';

/**
 * The W3C Web Annotation test suite's assertions (../shared/standards/w3c-annotation): JSON Schema
 * draft-04 files, each a "must" an annotation or a collection has to satisfy. `mustFailures` runs
 * every assertion of annotationMusts.test (or collectionMusts.test) and says which failed.
 */

export const W3C_DIR = path.join(PROJECT_ROOT, '..', 'shared', 'standards', 'w3c-annotation');

// Both are CommonJS: their class and function are the modules' `default`.
const Ajv = AjvModule.default;
const addFormats = formatsModule.default;
type Validator = InstanceType<typeof Ajv>;
type Validate = ((data: unknown) => boolean) & { errors?: unknown };

let ajv: Validator | null = null;
const compiled = new Map<string, Validate>();

function validator(): Validator {
  if (ajv) return ajv;
  ajv = new Ajv({ strict: false, allErrors: false, validateSchema: false });
  addFormats(ajv);
  for (const name of fs.readdirSync(path.join(W3C_DIR, 'definitions'))) {
    if (name.endsWith('.json')) ajv.addSchema(JSON.parse(fs.readFileSync(path.join(W3C_DIR, 'definitions', name), 'utf8')) as object);
  }
  return ajv;
}

function assertion(file: string): { validate: Validate; expected: 'valid' | 'invalid'; message: string } {
  const schema = JSON.parse(fs.readFileSync(path.join(W3C_DIR, file), 'utf8')) as { expectedResult?: string; errorMessage?: string; id?: string };
  let validate = compiled.get(file);
  if (!validate) {
    validate = (validator().getSchema(schema.id ?? file) as Validate | undefined) ?? (validator().compile(schema) as Validate);
    compiled.set(file, validate);
  }
  return { validate, expected: schema.expectedResult === 'invalid' ? 'invalid' : 'valid', message: schema.errorMessage ?? file };
}

/** The messages of the "must" assertions `data` fails: [] when it is a valid annotation (or collection). */
export function mustFailures(data: unknown, kind: 'annotation' | 'collection'): string[] {
  const list = kind === 'annotation' ? 'annotations/annotationMusts.test' : 'collections/collectionMusts.test';
  const { assertions } = JSON.parse(fs.readFileSync(path.join(W3C_DIR, list), 'utf8')) as { assertions: string[] };
  const failures: string[] = [];
  for (const file of assertions) {
    const { validate, expected, message } = assertion(file);
    const valid = validate(data);
    if ((expected === 'valid') !== valid) failures.push(`${file}: ${message}`);
  }
  return failures;
}

export function w3cSuiteAvailable(): boolean {
  return fs.existsSync(path.join(W3C_DIR, 'annotations', 'annotationMusts.test'));
}
