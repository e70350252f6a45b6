// The backends this page can talk to: the ones from config.json (or the built-in demo) plus the
// always-present 'file' backend. Module-level, because the set is fixed once config is loaded.
//
// Configured backends are created lazily: each is a thin stand-in whose methods load the real
// adapter module on first use, so the Jaeger/Tempo/demo code (parsers, generators) stays out of the
// first screen's JavaScript.
import type { TraceBackend } from './backend';
import type { BackendConfig } from './app-config';
import type { DependencySourceConfig } from './http/remote-backend-config';
import { createFileBackend, FILE_BACKEND_ID, type FileBackend } from './file/file-backend';

const fileBackend = createFileBackend();
let configured: TraceBackend[] = [];
let configs: BackendConfig[] = [];
let defaultId = FILE_BACKEND_ID;

type Loader = () => Promise<TraceBackend>;

/** A TraceBackend whose implementation is imported on the first call. A failed import is retried. */
export function lazyBackend(config: Pick<BackendConfig, 'id' | 'type' | 'name'>, load: Loader): TraceBackend {
  let pending: Promise<TraceBackend> | null = null;
  const instance = (): Promise<TraceBackend> => {
    pending ??= load().catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
  const backend: TraceBackend = {
    id: config.id,
    type: config.type,
    name: config.name,
    getServices: async (signal) => (await instance()).getServices(signal),
    getOperations: async (service, signal) => (await instance()).getOperations(service, signal),
    searchTraces: async (query, signal) => (await instance()).searchTraces(query, signal),
    getTrace: async (traceId, signal, options) => (await instance()).getTrace(traceId, signal, options),
    getDependencies: async (window, signal, onProgress) => (await instance()).getDependencies(window, signal, onProgress),
  };
  // Tag autocomplete and build info exist only on Tempo: forward them only there, so that
  // "does this backend have it?" checks in the UI keep their meaning.
  if (config.type === 'tempo') {
    const unsupported = (what: string) => new Error(`${config.name} does not offer ${what}.`);
    backend.getTagNames = async (scope, signal) => {
      const b = await instance();
      if (!b.getTagNames) throw unsupported('tag names');
      return b.getTagNames(scope, signal);
    };
    backend.getTagValues = async (tag, query, signal) => {
      const b = await instance();
      if (!b.getTagValues) throw unsupported('tag values');
      return b.getTagValues(tag, query, signal);
    };
    backend.getBuildInfo = async (signal) => {
      const b = await instance();
      if (!b.getBuildInfo) throw unsupported('build information');
      return b.getBuildInfo(signal);
    };
  }
  return backend;
}

function remoteConfig(config: BackendConfig) {
  return {
    id: config.id,
    name: config.name,
    url: config.url ?? '',
    ...(config.timeoutMs !== undefined ? { timeoutMs: config.timeoutMs } : {}),
    ...(config.dependencies !== undefined ? { dependencies: config.dependencies as unknown as DependencySourceConfig } : {}),
  };
}

function createBackend(config: BackendConfig): TraceBackend {
  switch (config.type) {
    case 'jaeger':
      return lazyBackend(config, async () => {
        const { createJaegerBackend, storedApiV3Memory } = await import('./jaeger/jaeger-backend');
        return createJaegerBackend(remoteConfig(config), { apiV3Memory: storedApiV3Memory() });
      });
    case 'tempo':
      return lazyBackend(config, async () => (await import('./tempo/tempo-backend')).createTempoBackend(remoteConfig(config)));
    case 'demo':
      return lazyBackend(config, async () => (await import('./demo/demo-backend')).createDemoBackend({ id: config.id, name: config.name }));
  }
}

/** Replaces the configured backends (called once at start with the validated config). */
export function registerBackends(list: readonly BackendConfig[], defaultBackend?: string): void {
  configs = [...list];
  configured = list.map(createBackend);
  defaultId = defaultBackend && list.some((b) => b.id === defaultBackend) ? defaultBackend : (list[0]?.id ?? FILE_BACKEND_ID);
}

/** For tests: registers ready-made backend instances. */
export function registerBackendInstances(list: readonly TraceBackend[], defaultBackend?: string): void {
  configs = [];
  configured = [...list];
  defaultId = defaultBackend ?? list[0]?.id ?? FILE_BACKEND_ID;
}

export function getBackend(id: string): TraceBackend | undefined {
  if (id === FILE_BACKEND_ID) return fileBackend;
  return configured.find((backend) => backend.id === id);
}

/** Configured backends first (config order), then the file backend. */
export function listBackends(): TraceBackend[] {
  return [...configured, fileBackend];
}

export function defaultBackendId(): string {
  return defaultId;
}

export function getBackendConfig(id: string): BackendConfig | undefined {
  return configs.find((config) => config.id === id);
}

export function getFileBackend(): FileBackend {
  return fileBackend;
}

/** The backend a `backend=` URL parameter selects: the parameter when given, else the default. */
export function backendIdFromParam(param: string | null | undefined): string {
  return param && param.trim() !== '' ? param.trim() : defaultId;
}
