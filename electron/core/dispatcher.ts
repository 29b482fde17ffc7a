import { z } from 'zod';
import { CarnetError, type UiLanguage } from './carnet-error.ts';
import { systemLanguage } from './ui-language.ts';
import { isMethodName, methodSchemas, type Handlers, type MethodName, type Reply } from '../api.ts';

export type Dispatch = (method: string, input: unknown) => Promise<Reply<unknown>>;

/**
 * The one door into the services, used by every front: checks the method exists, validates its
 * argument against the contract, runs the handler, and turns any failure into `{ error }` the UI
 * can show. Unexpected failures are logged with the method name; their stacks stay on this side.
 */
export function createDispatcher(handlers: Handlers, log: (line: string) => void = (line) => console.error(line), language: () => UiLanguage = () => systemLanguage()): Dispatch {
  return async (method, input) => {
    if (!isMethodName(method)) return failure('unknown-method', `Carnet has no operation "${String(method).slice(0, 80)}".`);
    const parsed = methodSchemas[method].safeParse(input ?? {});
    if (!parsed.success) return failure('invalid-input', `${method}: ${z.prettifyError(parsed.error).replace(/\n/g, ' ')}`);
    try {
      const handler = handlers[method] as (args: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (error instanceof CarnetError) return failure(error.code, error.in(language()));
      log(`[carnet] ${method as MethodName} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      const detail = error instanceof Error ? error.message : String(error);
      return failure(
        'internal',
        language() === 'fr'
          ? `Un problème est survenu dans ${method} : ${detail}. Rien n’a été perdu ; réessayez, et signalez-le si cela se reproduit.`
          : `Something went wrong in ${method}: ${detail}. Nothing was lost; try again, and report it if it repeats.`,
      );
    }
  };
}

function failure(code: string, message: string): Reply<never> {
  return { ok: false, error: { code, message } };
}
