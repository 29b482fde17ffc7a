/** The IPC channel names of the contract, in a module of their own so the sandboxed preload can share them without bundling the schemas. */
export const METHOD_CHANNEL_PREFIX = 'carnet:';
export const EVENT_CHANNEL = 'carnet:event';
/** Main hands the preload the contract's method names through this launch argument. */
export const METHODS_ARGUMENT = '--carnet-methods=';
