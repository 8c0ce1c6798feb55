// The webview's stylesheet is imported for esbuild to bundle it into dist/webview.css.
declare module '*.css';
