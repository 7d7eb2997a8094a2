/// <reference types="vite/client" />

// crxjs turns a `?script` import into the built file name of that content script.
declare module '*?script&iife' {
  const fileName: string;
  export default fileName;
}
