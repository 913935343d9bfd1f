// Every translation key the web app uses exists in both locales, and both locales hold the same
// keys. Keys are found as t('a.b.c') / $t('a.b.c') / i18n-t keypath="a.b.c" in src/. Every field
// the server reads from a body or names in an error (server/**/*.cpp, tests aside) has its label
// under `fields.` (error messages name fields by label, never by key), and every audit action and
// object type its name under `audit.`, and every column of an indicator's records (`.keys = {…}` in
// server/modules/*/indicators.cpp) its heading under `reports.columns.`. Exits 1 and lists what is
// missing.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const src = join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
const zh = (await import(join(src, 'locales', 'zh-CN.js'))).default;
const en = (await import(join(src, 'locales', 'en.js'))).default;

function flatten(obj, prefix = '', out = new Set()) {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') flatten(v, key, out);
    else out.add(key);
  }
  return out;
}
const keys = { 'zh-CN': flatten(zh), en: flatten(en) };

function files(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(vue|js|ts)$/.test(f) ? [p] : [];
  });
}

const problems = [];
const pattern = /(?:\$t|\bt|\bte)\(\s*'([a-zA-Z][\w-]*(?:\.[\w-]+)+)'/g;
for (const file of files(src)) {
  if (file.includes(`${join('src', 'locales')}`)) continue;
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(pattern)) {
    for (const [lang, set] of Object.entries(keys)) {
      // A key may name a subtree used as a prefix elsewhere; only leaves are strings.
      if (!set.has(m[1])) problems.push(`${file.slice(src.length + 1)}: '${m[1]}' missing in ${lang}`);
    }
  }
}
const server = join(src, '..', '..', 'server');
const fieldPattern = /\b(?:body\.(?:Str|Int|Real|Bool|Date|Time|StrList|IntList|Raw)|AppError::Field|\.Fail|errors\.Add)\("([a-z][a-z_]*)"/g;
function cppFiles(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? cppFiles(p) : f.endsWith('.cpp') && !f.endsWith('_test.cpp') ? [p] : [];
  });
}
// Each audit entry's action and object type (the literal ones; places.<kind>.created and the like
// are listed in the locales by hand) has its name under audit.actions / audit.objects.
const keysPattern = /\.keys = \{([^}]*)\}/g;
const auditPattern = /audit::Append\([^{]*\{\s*"([a-z_]+(?:\.[a-z_]+)+)"\s*,\s*"([a-z_]+)"/g;
for (const file of cppFiles(server)) {
  for (const m of readFileSync(file, 'utf8').matchAll(auditPattern)) {
    for (const [lang, set] of Object.entries(keys)) {
      if (!set.has(`audit.actions.${m[1]}`)) problems.push(`${file.slice(server.length + 1)}: audit action '${m[1]}' has no name in ${lang}`);
      if (!set.has(`audit.objects.${m[2]}`)) problems.push(`${file.slice(server.length + 1)}: audit object '${m[2]}' has no name in ${lang}`);
    }
  }
  for (const m of readFileSync(file, 'utf8').matchAll(keysPattern)) {
    for (const column of m[1].matchAll(/"([a-z][a-z_]*)"/g)) {
      for (const [lang, set] of Object.entries(keys)) {
        if (!set.has(`reports.columns.${column[1]}`)) problems.push(`${file.slice(server.length + 1)}: records column '${column[1]}' has no heading reports.columns.${column[1]} in ${lang}`);
      }
    }
  }
  for (const m of readFileSync(file, 'utf8').matchAll(fieldPattern)) {
    for (const [lang, set] of Object.entries(keys)) {
      if (!set.has(`fields.${m[1]}`)) problems.push(`${file.slice(server.length + 1)}: field '${m[1]}' has no label fields.${m[1]} in ${lang}`);
    }
  }
}
for (const k of keys['zh-CN']) if (!keys.en.has(k)) problems.push(`'${k}' is in zh-CN but not in en`);
for (const k of keys.en) if (!keys['zh-CN'].has(k)) problems.push(`'${k}' is in en but not in zh-CN`);

if (problems.length) {
  console.error([...new Set(problems)].join('\n'));
  console.error(`check-locales: ${new Set(problems).size} problem(s)`);
  process.exit(1);
}
console.log(`check-locales: ${keys.en.size} keys, all used keys present in zh-CN and en`);
