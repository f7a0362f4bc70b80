# helper: python3 corpus/blind/.add.py BATCHFILE  (BATCHFILE holds a python list ROWS)
import json, sys, runpy
P = 'corpus/blind/blind.jsonl'
rows = runpy.run_path(sys.argv[1])['ROWS']
try:
    old = [json.loads(l) for l in open(P, encoding='utf8') if l.strip()]
except FileNotFoundError:
    old = []
n = len(old)
TYPES = {'small_arms_fire','heavy_weapons_fire','air_or_drone_strike','armed_clash','incursion','property_destruction','military_buildup','ceasefire_agreement','violation_allegation'}
EV = dict(date=None, time_of_day=None, locations=[], country_of_location=None, accused_party=None, reported_by=None, killed=None, wounded=None, displaced=None, civilians_affected=None, weapons=[])
out = []
for r in rows:
    n += 1
    evs = []
    for e in r['events']:
        full = dict(type=e['type']); full.update(EV); full['reported_by'] = r.get('rep')
        full.update({k: v for k, v in e.items() if k != 'type'})
        assert full['type'] in TYPES, full['type']
        assert set(full) == set(EV) | {'type'}, set(full) ^ (set(EV) | {'type'})
        evs.append(full)
    row = {'id': 'b%03d' % n, 'published_at': r['pub'], 'language': r['lang'], 'source_agency': r['agency'],
           'source_url': r['url'], 'conflict': r['conflict'], 'text': r['text'].strip(),
           'gold': {'is_violation_report': r['viol'], 'events': evs}}
    assert r['conflict'] and r['url'].startswith('http') and r['lang'] in ('en', 'ru')
    assert r['url'] not in {o['source_url'] for o in old + out}, 'duplicate url ' + r['url']
    import glob as _g, re as _re
    _n = lambda u: _re.sub(r'^https?://(www\.|m\.|amp\.)?', '', u.lower().split('?')[0].rstrip('/')).replace('/amp', '')
    _train = {_n(json.loads(x).get('source_url') or '') for f in _g.glob('corpus/real/*.jsonl') for x in open(f, encoding='utf8') if x.strip()}
    assert _n(r['url']) not in _train, 'on the training side: ' + r['url']
    out.append(row)
with open(P, 'a', encoding='utf8') as f:
    for row in out: f.write(json.dumps(row, ensure_ascii=False) + '\n')
allr = [json.loads(l) for l in open(P, encoding='utf8') if l.strip()]
ids = [a['id'] for a in allr]; assert len(ids) == len(set(ids))
for a in allr:
    for k in ('id','published_at','language','source_agency','text','gold','source_url','conflict'): assert k in a, (a['id'], k)
print('appended', len(out), 'total', len(allr))
