/** Language of a statement: the declared one when given, else the script that dominates. */
export function detectLanguage(text: string, declared: string | null | undefined): string {
  const d = (declared ?? '').trim().toLowerCase();
  if (/^[a-z]{2}(?:-[a-z]{2})?$/.test(d)) return d.slice(0, 2);
  let cyr = 0;
  let lat = 0;
  const n = Math.min(text.length, 4000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x0400 && c <= 0x04ff) cyr++;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) lat++;
  }
  return cyr > lat ? 'ru' : 'en';
}
