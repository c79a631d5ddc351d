#!/usr/bin/env bash
# Writes ready-to-install packages for each meeting platform into build/plugins/, for the public
# address people reach the panel at:   scripts/plugin-manifests.sh https://panel.example.org
# Settings (environment): TEAMS_APP_ID (a GUID; default derived from the URL), TEAMS_CLIENT_ID
# (the Entra app for single sign-on), JITSI_DOMAIN (default meet.jit.si), VERSION (default 1.0.0).
set -euo pipefail
cd "$(dirname "$0")/.."

url="${1:-}"
if [[ ! "$url" =~ ^https://[A-Za-z0-9.-]+(:[0-9]+)?(/[^[:space:]]*)?$ ]]; then
  echo "usage: scripts/plugin-manifests.sh https://panel.example.org   (an https address; platforms refuse plain http)" >&2
  exit 2
fi

python3 - "$url" <<'PY'
import json, os, re, shutil, sys, uuid, zipfile
from pathlib import Path
from urllib.parse import urlsplit

public = sys.argv[1].rstrip('/')
parts = urlsplit(public)
values = {
    'PUBLIC_URL': public,
    'ORIGIN': f'{parts.scheme}://{parts.netloc}',
    'HOST': parts.hostname,
    'TEAMS_APP_ID': os.environ.get('TEAMS_APP_ID') or str(uuid.uuid5(uuid.NAMESPACE_URL, public)),
    'TEAMS_CLIENT_ID': os.environ.get('TEAMS_CLIENT_ID') or '00000000-0000-0000-0000-000000000000',
    'JITSI_DOMAIN': os.environ.get('JITSI_DOMAIN', 'meet.jit.si'),
    'VERSION': os.environ.get('VERSION', '1.0.0'),
}
if not os.environ.get('TEAMS_CLIENT_ID'):
    print('note: TEAMS_CLIENT_ID is not set; the Teams package carries a zero GUID until you register the Entra app', file=sys.stderr)

def fill(text):
    # Only our own names: BigBlueButton's ${meta_...} placeholders must stay as they are.
    return re.sub(r'\$\{(' + '|'.join(values) + r')\}', lambda m: values[m.group(1)], text)

source, out = Path('plugin-manifest'), Path('build/plugins')
shutil.rmtree(out, ignore_errors=True)
for folder in ['teams', 'google-meet', 'zoom', 'bigbluebutton', 'jitsi', 'webex']:
    for path in (source / folder).rglob('*'):
        if path.is_dir():
            continue
        target = out / folder / path.relative_to(source / folder)
        target = target.with_name(target.name.replace('.template', ''))
        target.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix in ('.json', '.js', '.html', '.md'):
            target.write_text(fill(path.read_text(encoding='utf-8')), encoding='utf-8')
        else:
            shutil.copyfile(path, target)
for folder in ['google-meet', 'zoom', 'webex']:
    shutil.copyfile(source / 'logo-512.png', out / folder / 'logo-512.png')

# Teams wants a zip with the manifest and both icons at its root.
teams = out / 'teams'
with zipfile.ZipFile(out / 'intervision-panel-teams.zip', 'w', zipfile.ZIP_DEFLATED) as z:
    for name in ['manifest.json', 'color.png', 'outline.png']:
        z.write(teams / name, name)
print(f'wrote {out}/ for {public}')
PY
