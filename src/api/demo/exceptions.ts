// Stack traces in each runtime's own format, so exception events read like the real thing.

import type { Language } from './topology';

/** Frames are "module.function" (or "Class.method") strings, innermost first. */
export function stacktrace(language: Language, type: string, message: string, frames: readonly string[]): string {
  switch (language) {
    case 'java':
      return [
        `${type}: ${message}`,
        ...frames.map((f, i) => `\tat ${f}(${f.split('.').slice(-2, -1)[0] ?? 'Main'}.java:${97 + i * 31})`),
        '\tat java.base/java.lang.Thread.run(Thread.java:1583)',
      ].join('\n');
    case 'python':
      return [
        'Traceback (most recent call last):',
        ...[...frames].reverse().flatMap((f, i) => {
          const parts = f.split('.');
          const fn = parts.pop() ?? 'main';
          return [`  File "/app/${parts.join('/') || 'app'}.py", line ${41 + i * 17}, in ${fn}`, `    return ${fn}(request)`];
        }),
        `${type}: ${message}`,
      ].join('\n');
    case 'nodejs':
      return [
        `${type}: ${message}`,
        ...frames.map((f, i) => {
          const parts = f.split('.');
          const fn = parts.pop() ?? 'handler';
          return `    at ${fn} (/app/dist/${parts.join('/') || 'index'}.js:${12 + i * 9}:${5 + i})`;
        }),
        '    at process.processTicksAndRejections (node:internal/process/task_queues:105:5)',
      ].join('\n');
    case 'dotnet':
      return [
        `${type}: ${message}`,
        ...frames.map((f, i) => `   at ${f}() in /src/${f.split('.').slice(0, -1).join('/')}.cs:line ${52 + i * 23}`),
      ].join('\n');
    case 'go':
      return [
        `${message}`,
        '',
        'goroutine 1847 [running]:',
        ...frames.flatMap((f, i) => {
          const pkg = f.split('.').slice(0, -1).join('/');
          return [`shop/${f}(...)`, `\t/src/${pkg || 'main'}/${pkg.split('/').pop() ?? 'main'}.go:${88 + i * 14} +0x${(0x1a4 + i * 0x3c).toString(16)}`];
        }),
      ].join('\n');
    case 'rust':
      return [
        `${type}: ${message}`,
        'stack backtrace:',
        ...frames.map((f, i) => `  ${i}: ${f.replace(/\./g, '::')}\n             at ./src/${f.split('.')[0] ?? 'main'}.rs:${30 + i * 12}:${9 + i}`),
      ].join('\n');
  }
}
