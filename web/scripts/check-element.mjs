// Every Element Plus tag in the workbench's templates is a component src/element.js registers
// (an unregistered one renders as a bare element: a checkbox with no box, silently).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const src = new URL('../src/', import.meta.url).pathname;
const registered = new Set(readFileSync(join(src, 'element.js'), 'utf8').match(/\bEl[A-Z]\w*/g));
// Installed together with their parent component.
const withParent = { ElCheckboxGroup: 'ElCheckbox', ElCheckboxButton: 'ElCheckbox', ElButtonGroup: 'ElButton', ElOptionGroup: 'ElSelect', ElSubMenu: 'ElMenu', ElMenuItemGroup: 'ElMenu' };
const pascal = (tag) => tag.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join('');

function* vueFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* vueFiles(path);
    else if (name.endsWith('.vue')) yield path;
  }
}

const missing = [];
for (const file of vueFiles(src)) {
  const template = readFileSync(file, 'utf8').split('<script')[0];
  for (const [, tag] of template.matchAll(/<(el-[a-z-]+)/g)) {
    const name = pascal(tag);
    if (!registered.has(name) && !registered.has(withParent[name])) missing.push(`${file.slice(src.length)}: <${tag}> (${name})`);
  }
}
if (missing.length) {
  console.error(`check-element: not registered in src/element.js:\n  ${[...new Set(missing)].join('\n  ')}`);
  process.exit(1);
}
console.log('check-element: every Element Plus tag in the templates is registered');
