import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const VIRTUAL = '\0peerpath-react-esm';

/**
 * React as one ES module in the build. React is published as CommonJS only, and the bundler
 * wraps it for each ES module that imports it: a new object with a getter for each of React's
 * exports, in every one of the ~430 modules (MUI's parts, the app's) that import it, made while
 * the page starts, and a getter call on each hook used while it renders. Here every `import …
 * from 'react'` is answered by one module that takes React's CommonJS exports once and
 * re-exports them by name.
 */
export function reactEsmPlugin() {
  const entry = require.resolve('react');
  // The build uses React's production build; its exports are the names to re-export.
  const names = Object.keys(require(join(dirname(entry), 'cjs/react.production.js'))).filter(
    (k) => k !== 'default' && /^[A-Za-z_$][\w$]*$/.test(k),
  );
  return {
    name: 'peerpath-react-esm',
    apply: 'build',
    enforce: 'pre',
    resolveId(source) {
      return source === 'react' ? VIRTUAL : null;
    },
    load(id) {
      if (id !== VIRTUAL) return null;
      return [
        `import React from ${JSON.stringify(entry)};`,
        'export default React;',
        `export const { ${names.join(', ')} } = React;`,
      ].join('\n');
    },
  };
}
