/// <reference types="vite/client" />

// crxjs turns a `?script` import into the built file name of that content script.
declare module '*?script&iife' {
  const fileName: string;
  export default fileName;
}

// mark.js's ES2015 build (src/highlight/wrap.ts says why): the same API as the package's main file.
declare module 'mark.js/dist/mark.es6.js' {
  import Mark from 'mark.js';
  export default Mark;
}
