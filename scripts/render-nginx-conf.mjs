// Renders deploy/nginx.conf.template like `envsubst` with an explicit variable list: only ${SKEIN_*}
// placeholders are replaced, nginx's own $variables are left alone. Used by the tests; users may use envsubst.
//   node scripts/render-nginx-conf.mjs > nginx.conf      (values from the environment)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';

export const NGINX_TEMPLATE = resolve(dirname(fileURLToPath(import.meta.url)), '../deploy/nginx.conf.template');

export const NGINX_VARIABLES = [
  'SKEIN_LISTEN',
  'SKEIN_PREFIX',
  'SKEIN_ROOT',
  'SKEIN_JAEGER_UPSTREAM',
  'SKEIN_TEMPO_UPSTREAM',
  'SKEIN_TEMPO_TENANT',
  'SKEIN_FRAME_ANCESTORS',
  'SKEIN_RUNTIME_DIR',
];

/** @param {Record<string, string>} values */
export function renderNginxConf(values, template = readFileSync(NGINX_TEMPLATE, 'utf8')) {
  return template.replace(/\$\{(SKEIN_[A-Z_]+)\}/g, (whole, name) => {
    if (!NGINX_VARIABLES.includes(name)) return whole;
    const v = values[name];
    if (v === undefined) throw new Error(`render-nginx-conf: ${name} is not set`);
    return v;
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.stdout.write(renderNginxConf(process.env));
}
