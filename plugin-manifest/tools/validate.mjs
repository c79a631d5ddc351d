// Checks the packages scripts/plugin-manifests.sh wrote: the Teams manifest against Microsoft's own
// schema (bundled in @microsoft/app-manifest, validated offline), the icons' sizes and colours, the
// Teams zip's layout, and that every manifest parses and points only at the given public address.
//   node validate.mjs <build/plugins> <https://public.url>
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import Ajv from 'ajv';

const require = createRequire(import.meta.url);
const [dir, publicUrl] = process.argv.slice(2);
if (!dir || !publicUrl) {
  console.error('usage: node validate.mjs <build/plugins> <https://public.url>');
  process.exit(2);
}
const origin = new URL(publicUrl).origin;
let passed = 0;
let failed = 0;

function check(name, ok, detail = '') {
  if (ok) {
    passed += 1;
    console.log(`ok   ${name}`);
  } else {
    failed += 1;
    console.log(`FAIL ${name} ${detail}`);
  }
}

// The schema declares draft-04 but uses draft-06's `const`; draft-07 rules (Ajv's default) enforce it.
const schemaFile = path.join(path.dirname(require.resolve('@microsoft/app-manifest/package.json')),
  'build/json-schemas/teams/v1.24/MicrosoftTeams.schema.json');
const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
delete schema.$schema;
// Formats (uri, email) are left to Microsoft's own upload checks; the structure and every const are ours to check.
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
const validateTeams = ajv.compile(schema);

const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'teams/manifest.json'), 'utf8'));
check('teams manifest matches the v1.24 schema', validateTeams(manifest), JSON.stringify(validateTeams.errors));
check('the validator enforces const (a wrong manifestVersion fails)', !validateTeams({ ...manifest, manifestVersion: '1.23' }));
check('the validator catches a lower-case groupchat scope',
  !validateTeams({ ...manifest, configurableTabs: [{ ...manifest.configurableTabs[0], scopes: ['groupchat'] }] }));
check('teams side panel and stage contexts',
  ['meetingSidePanel', 'meetingStage'].every((c) => manifest.configurableTabs[0].context.includes(c)));
check('teams single sign-on resource', manifest.webApplicationInfo?.resource?.startsWith(`api://${new URL(publicUrl).hostname}/`));

function png(file) {
  const data = fs.readFileSync(file);
  const width = data.readUInt32BE(16);
  const height = data.readUInt32BE(20);
  const colourType = data[25];
  const chunks = [];
  for (let at = 8; at < data.length;) {
    const length = data.readUInt32BE(at);
    const type = data.toString('ascii', at + 4, at + 8);
    if (type === 'IDAT') chunks.push(data.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(chunks));
  const bpp = colourType === 6 ? 4 : 3;
  const stride = width * bpp;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x];
      const a = x >= bpp ? pixels[y * stride + x - bpp] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + x] : 0;
      const c = x >= bpp && y > 0 ? pixels[(y - 1) * stride + x - bpp] : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a
        : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      const predicted = [0, a, b, (a + b) >> 1, paeth][filter];
      pixels[y * stride + x] = (value + predicted) & 0xff;
    }
  }
  return { width, height, colourType, bpp, pixels };
}

const colour = png(path.join(dir, 'teams/color.png'));
check('teams colour icon is 192 x 192', colour.width === 192 && colour.height === 192);
const outline = png(path.join(dir, 'teams/outline.png'));
check('teams outline icon is 32 x 32', outline.width === 32 && outline.height === 32);
let whiteOnTransparent = outline.colourType === 6;
for (let i = 0; whiteOnTransparent && i < outline.pixels.length; i += 4) {
  const [r, g, b, alpha] = outline.pixels.subarray(i, i + 4);
  whiteOnTransparent = alpha === 0 || (r === 255 && g === 255 && b === 255);
}
check('teams outline icon is white on transparent', whiteOnTransparent);
check('teams outline icon is not empty', outline.pixels.some((v, i) => i % 4 === 3 && v > 0));

function zipNames(file) {
  const data = fs.readFileSync(file);
  const names = [];
  for (let at = 0; at + 30 < data.length;) {
    if (data.readUInt32LE(at) !== 0x04034b50) break;
    const compressed = data.readUInt32LE(at + 18);
    const nameLength = data.readUInt16LE(at + 26);
    const extra = data.readUInt16LE(at + 28);
    names.push(data.toString('utf8', at + 30, at + 30 + nameLength));
    at += 30 + nameLength + extra + compressed;
  }
  return names.sort();
}
const zipped = zipNames(path.join(dir, 'intervision-panel-teams.zip'));
check('teams zip holds manifest and icons at its root',
  JSON.stringify(zipped) === JSON.stringify(['color.png', 'manifest.json', 'outline.png']), JSON.stringify(zipped));

// Every address in a manifest points at the panel, apart from the schema reference itself.
function urls(value, key = '') {
  if (typeof value === 'string') return key === '$schema' ? [] : (value.match(/https?:\/\/[^\s"'<>]+/g) ?? []);
  if (Array.isArray(value)) return value.flatMap((v) => urls(v));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => urls(v, k));
  return [];
}
const manifests = ['teams/manifest.json', 'google-meet/deployment.json', 'zoom/marketplace.json',
  'bigbluebutton/manifest.json', 'webex/registration.json'];
for (const file of manifests) {
  let json = null;
  try {
    json = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
  } catch (e) {
    check(`${file} parses`, false, e.message);
    continue;
  }
  check(`${file} parses`, true);
  const foreign = urls(json).filter((u) => !u.startsWith(publicUrl) && u !== origin);
  check(`${file} points only at ${publicUrl}`, foreign.length === 0, foreign.join(' '));
  check(`${file} has no unfilled placeholder`, !/\$\{(PUBLIC_URL|ORIGIN|HOST|TEAMS_[A-Z_]+|VERSION)\}/.test(JSON.stringify(json)));
}
const meet = JSON.parse(fs.readFileSync(path.join(dir, 'google-meet/deployment.json'), 'utf8')).addOns.meet.web;
check('google meet add-on has its required fields',
  ['sidePanelUrl', 'supportsScreenSharing', 'addOnOrigins', 'logoUrl'].every((k) => k in meet));
const jitsi = fs.readFileSync(path.join(dir, 'jitsi/index.html'), 'utf8');
check('jitsi page opens the panel at the public address', jitsi.includes(`new URL('${publicUrl}/')`));

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
