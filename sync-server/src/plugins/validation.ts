/*
 * How route schemas validate requests. Fastify's default Ajv coerces types everywhere and drops unknown
 * fields; for a body from a tablet both hide bugs and hostile input ("42" would pass as a name, an
 * unknown "isManager" would vanish silently). So bodies are validated strictly: no coercion, unknown
 * fields are an error (400 naming the field). Query strings, params and headers are text by nature and
 * keep coercion, so `?seq=10&limit=500` reaches the route as numbers.
 * Route schemas are plain objects imported where needed; shared schemas by $ref are not used.
 */
import { Ajv } from 'ajv';
import type { Options } from 'ajv';
import addFormats from 'ajv-formats';
import fp from 'fastify-plugin';

function createAjv(coerceTypes: Options['coerceTypes']): Ajv {
  // allErrors stays off: reporting every error of a huge hostile array is a denial-of-service lever.
  const ajv = new Ajv({ coerceTypes, useDefaults: true, removeAdditional: false, allErrors: false });
  addFormats(ajv);
  return ajv;
}

export default fp(
  async function validation(app) {
    const strict = createAjv(false);
    const coercing = createAjv('array');
    app.setValidatorCompiler(({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema));
  },
  { name: 'validation', fastify: '5.x' },
);
