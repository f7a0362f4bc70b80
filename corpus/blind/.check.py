# python3 corpus/blind/.check.py URL...  -> which URLs are already on the training side or in the blind set
import json,re,sys,glob
def norm(u):
    u=u.lower().split('?')[0].rstrip('/')
    u=re.sub(r'^https?://(www\.|m\.|amp\.)?','',u); u=u.replace('/amp','')
    return u
train=set()
for f in glob.glob('corpus/real/*.jsonl'):
    for l in open(f,encoding='utf8'):
        if l.strip():
            r=json.loads(l); train.add(norm(r.get('source_url') or r.get('url') or ''))
blind={norm(json.loads(l)['source_url']) for l in open('corpus/blind/blind.jsonl',encoding='utf8') if l.strip()}
for u in sys.argv[1:]:
    n=norm(u); print('TRAIN' if n in train else 'BLIND' if n in blind else 'new  ', u)
