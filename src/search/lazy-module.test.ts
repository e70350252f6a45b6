import { describe, expect, it } from 'vitest';
import { lazyModule } from './lazy-module';

describe('lazyModule', () => {
  it('imports once and hands every caller the same module', async () => {
    let imports = 0;
    const module = { answer: 42 };
    const lazy = lazyModule(async () => {
      imports += 1;
      return module;
    });
    expect(imports).toBe(0);
    const [a, b] = await Promise.all([lazy.load(), lazy.load()]);
    expect(a).toBe(module);
    expect(b).toBe(module);
    expect(await lazy.load()).toBe(module);
    expect(imports).toBe(1);
  });

  it('tries the import again after a failed download', async () => {
    let attempt = 0;
    const lazy = lazyModule(async () => {
      attempt += 1;
      if (attempt === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return { attempt };
    });
    await expect(lazy.load()).rejects.toThrow('Failed to fetch dynamically imported module');
    expect(await lazy.load()).toEqual({ attempt: 2 });
    expect(await lazy.load()).toEqual({ attempt: 2 });
  });
});
