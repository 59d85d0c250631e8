/** Writes resources/regiekaart-document.schema.json from the zod schemas (`npm run schema`); a test keeps it current. */
import fs from 'node:fs';
import path from 'node:path';
import { EXCHANGE_SCHEMA_FILE } from '../../shared/exchange/format';
import { exchangeJsonSchema } from '../../shared/exchange/jsonSchema';

const out = path.resolve('resources', EXCHANGE_SCHEMA_FILE);
fs.writeFileSync(out, `${JSON.stringify(exchangeJsonSchema(), null, 2)}\n`);
process.stdout.write(`${out} geschreven.\n`);
