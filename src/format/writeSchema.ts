/** `npm run schema`: (re)writes public/schema/journey-map.v<FORMAT_VERSION>.json from the valibot schema. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { journeyMapJsonSchemaText, SCHEMA_PATH } from './jsonSchema';

const target = resolve(process.cwd(), SCHEMA_PATH);
writeFileSync(target, journeyMapJsonSchemaText());
console.log(`Wrote ${SCHEMA_PATH}`);
