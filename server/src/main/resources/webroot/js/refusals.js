// Placeholder until the refusal texts land (replaced by the full list).
export function refusalText(lang, error) {
  const code = error?.code ?? error?.error ?? 'unavailable';
  return lang === 'nl' ? `Niet gelukt (${code}).` : `Did not work (${code}).`;
}
