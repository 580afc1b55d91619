// The browsable API page (/api-docs/): Swagger UI over the server's OpenAPI document, served by us like the rest
// of the UI (no CDN: the machines it runs on may have no internet).
import SwaggerUI from 'swagger-ui-dist/swagger-ui-es-bundle.js';
import 'swagger-ui-dist/swagger-ui.css';

SwaggerUI({
  dom_id: '#api-docs',
  url: '/openapi/v1.json',
  deepLinking: true,
  // "Try it out" calls the API as the signed-in user, with the session cookie the browser already holds.
  withCredentials: true,
});
