import type { ConfigError } from '../api/app-config';

/** Shown instead of the app when config.json is broken: what is wrong, where, and what to do. */
export function ConfigErrorPage({ error }: { error: ConfigError }) {
  return (
    <main className="mx-auto max-w-3xl p-8">
      <h1 className="mb-4 text-2xl font-bold">Skein cannot start</h1>
      <div
        role="alert"
        className="rounded-md border border-red-300 bg-red-50 p-5 text-red-950 dark:border-red-800 dark:bg-red-950/60 dark:text-red-50"
      >
        <p className="font-semibold">{error.summary}</p>
        {error.problems.length > 0 ? (
          <ul className="mt-3 list-disc space-y-1 pl-6 font-mono text-sm">
            {error.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        ) : null}
        <p className="mt-4">{error.hint}</p>
      </div>
      <section className="mt-6 text-sm text-slate-700 dark:text-slate-300">
        <h2 className="mb-2 font-semibold">A valid config.json looks like this</h2>
        <pre className="overflow-x-auto rounded-md bg-slate-100 p-4 font-mono text-xs dark:bg-slate-900">
          {`{
  "backends": [
    { "id": "jaeger", "type": "jaeger", "name": "Jaeger (prod)", "url": "api/jaeger" },
    { "id": "tempo", "type": "tempo", "name": "Tempo", "url": "api/tempo" }
  ],
  "defaultBackend": "jaeger"
}`}
        </pre>
        <p className="mt-2">
          <code>type</code> is one of <code>jaeger</code>, <code>tempo</code>, <code>demo</code>; relative URLs resolve
          against the app&apos;s own address.
        </p>
      </section>
    </main>
  );
}
