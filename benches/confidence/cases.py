"""Builds the data the link confidence of `trame align` is fitted on (src/align/confidence.rs).

The gold alignments of ../shared/alignment (TransRead Alice and Emma, French as source; Text+Berg dev,
German-French), and texts built from them where one side quotes a few scattered sentences of the other
among unrelated sentences (of the other novel, or of a distant part of Text+Berg). Each link that
`trame align` makes is written with its features and whether the gold has exactly that link.

    cargo build --release --features confidence-features
    python3 benches/confidence/cases.py      # writes /tmp/trame-confidence/rows.json
    python3 benches/confidence/fit.py raw,length,wide,support,linked,alone,least_alone
"""
import json, os, random, subprocess, sys
HERE=os.path.dirname(os.path.abspath(__file__))
SH=os.environ.get('TRAME_SHARED', os.path.join(HERE,'../../../shared'))+'/alignment'
BIN=os.environ.get('BIN',os.path.join(HERE,'../../target/release/trame'))
OUT=os.environ.get('OUT','/tmp/trame-confidence')
def lines(p): return open(p).read().split('\n')[:-1] if open(p).read().endswith('\n') else open(p).read().split('\n')
def beads(p, swap):
    out=[]
    for l in open(p):
        l=l.strip()
        if not l: continue
        a,b=l.split(':')
        a=json.loads(a); b=json.loads(b)
        out.append((tuple(b),tuple(a)) if swap else (tuple(a),tuple(b)))
    return out
def run(src, tgt, sl, tl, gold_links, name):
    d=OUT+'/cases'; os.makedirs(d,exist_ok=True)
    a=f'{d}/{name}.src'; b=f'{d}/{name}.tgt'
    open(a,'w').write('\n'.join(src)+'\n'); open(b,'w').write('\n'.join(tgt)+'\n')
    env=dict(os.environ)
    r=subprocess.run([BIN,'align',a,b,'-s',sl,'-t',tl,'--segmented','--format','jsonl','--no-language-check'],capture_output=True,text=True,env=env)
    assert r.returncode==0, r.stderr[-2000:]
    bl=[json.loads(l) for l in r.stdout.splitlines()]
    feats={}
    for l in r.stderr.splitlines():
        if l.startswith('FEAT'):
            f=l.split('\t'); feats[int(f[1])]=[float(x) for x in f[2:]]
    rows=[]
    gl=set(gold_links)
    for k,bd in enumerate(bl):
        if bd['source_lines'] and bd['target_lines']:
            key=(tuple(bd['source_lines']),tuple(bd['target_lines']))
            rows.append((name,k,int(key in gl),bd['confidence'],feats.get(k)))
    return rows
def links(gold): return [(a,b) for a,b in gold if a and b]
R=[]
gold_sets=[('alice','AlicesAdventuresInWonderland','transread-enfr','fr','en',True),('emma','Emma','transread-enfr','fr','en',True)]
data={}
for name,base,dirn,sl,tl,swap in gold_sets:
    src=lines(f'{SH}/{dirn}/{base}.{sl}'); tgt=lines(f'{SH}/{dirn}/{base}.{tl}')
    g=beads(f'{SH}/{dirn}/{base}.enfr',True)
    data[name]=(src,tgt,g)
    R+=run(src,tgt,sl,tl,links(g),name)
src=lines(f'{SH}/textberg-defr/dev.de'); tgt=lines(f'{SH}/textberg-defr/dev.fr'); g=beads(f'{SH}/textberg-defr/dev.defr',False)
data['textberg']=(src,tgt,g)
R+=run(src,tgt,'de','fr',links(g),'textberg')
# Scattered quotes: a long text against a short one made of unrelated sentences of the same language and
# a handful of translations of scattered sentences of the long one.
def scattered(seed, name, long_is_source, quotes, filler_n):
    rnd=random.Random(seed)
    src,tgt,g=data[name]
    ones=[(a[0],b[0]) for a,b in g if len(a)==1 and len(b)==1]
    # window of the long side
    L=len(src) if long_is_source else len(tgt)
    w0=rnd.randrange(0,max(1,L-200)); w1=min(L,w0+rnd.choice([60,120,200]))
    cand=[p for p in ones if w0<= (p[0] if long_is_source else p[1]) <w1]
    if len(cand)<quotes: return []
    q=sorted(rnd.sample(cand,quotes))
    # filler: the short side's language, from another part of the same text (far from the window) or the other novel
    other_name=('emma' if name=='alice' else 'alice') if name!='textberg' else 'textberg'
    os_,ot,_=data[other_name]
    pool=ot if long_is_source else os_
    lo=(w1+100) % len(pool)
    filler=[pool[(lo+i)%len(pool)] for i in range(filler_n)] if other_name==name else pool[rnd.randrange(0,len(pool)-filler_n):][:filler_n]
    pos=sorted(rnd.sample(range(filler_n+1),quotes))
    short=[]; gl=[]; fi=0
    for qi,(x,y) in enumerate(q):
        while fi<pos[qi]: short.append(filler[fi]); fi+=1
        if long_is_source:
            gl.append(((x-w0,),(len(short),))); short.append(tgt[y])
        else:
            gl.append(((len(short),),(y-w0,))); short.append(src[x])
    short+=filler[fi:]
    if long_is_source:
        s,t=src[w0:w1],short
    else:
        s,t=short,tgt[w0:w1]
    sl,tl=('de','fr') if name=='textberg' else ('fr','en')
    return run(s,t,sl,tl,gl,f'sc_{name}_{seed}')
for seed in range(int(os.environ.get('CASES','30'))):
    name=['alice','emma','textberg'][seed%3]
    R+=scattered(seed,name,seed%2==0,random.Random(seed).choice([3,5,8]),random.Random(seed+1).choice([15,30,60]))
json.dump(R,open(OUT+'/rows.json','w'))
import collections
c=collections.Counter((r[0].split('_')[0] if r[0].startswith('sc') else r[0], r[2]) for r in R)
print(c)
