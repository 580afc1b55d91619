// swagger-ui-dist ships no type declarations; this is the part of its API the page uses.
declare module 'swagger-ui-dist/swagger-ui-es-bundle.js' {
  interface SwaggerUIOptions {
    dom_id: string;
    url: string;
    deepLinking?: boolean;
    withCredentials?: boolean;
  }
  export default function SwaggerUI(options: SwaggerUIOptions): unknown;
}
