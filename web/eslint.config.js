// ESLint for the web app: Vue's recommended rules, and no text in templates that does not go
// through vue-i18n (every word a person reads comes from the locales, in both languages).
import js from '@eslint/js';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';

export default [
  { ignores: ['dist/**', 'node_modules/**'] },
  js.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser },
    },
    rules: {
      // Arrows, ellipses and menu marks are symbols, not words.
      'vue/no-bare-strings-in-template': ['error', {
        allowlist: ['(', ')', ',', '.', '&', '+', '-', '=', '*', '/', '#', '%', '!', '?', ':', '[', ']', '{', '}', '<', '>',
          '\u00b7', '\u2022', '\u2010', '\u2013', '\u2014', '\u2212', '|', '→', '←', '…', '☰', '▾', '~'],
      }],
      'vue/multi-word-component-names': 'off',
      // Layout is left to the formatter of each file's author: these only move line breaks.
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      'vue/html-indent': 'off',
      'vue/first-attribute-linebreak': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/html-self-closing': 'off',
      'no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['scripts/**', 'test/**', 'vite.config.js', 'eslint.config.js'],
    languageOptions: { globals: { ...globals.node } },
  },
];
