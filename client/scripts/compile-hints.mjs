// Marks every script file of the build for eager compilation: V8's magic comment
// `//# allFunctionsCalledOnLoad` on a file's first line asks it to compile all of the file's
// functions while the file streams in, on a background thread. Without it V8 only skims a
// function at first and compiles it on the main thread the first time it is called, and a page
// of this app calls almost every function of the files it loads while it opens (React, MUI, the
// page itself). On a phone that compiling was a good part of the long tasks after first paint.
// Chromium reads the comment since version 136; other browsers ignore it.
//
// It goes in after Vite has written its own first line (the list of a chunk's preloads), since
// the comment counts for the functions that follow it.
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

export function compileHintsPlugin() {
  return {
    name: 'peerpath:compile-hints',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const file of Object.values(bundle)) {
          if (file.type === 'chunk' && !file.code.startsWith(COMPILE_HINT)) {
            file.code = `${COMPILE_HINT}\n${file.code}`;
          }
        }
      },
    },
  };
}
