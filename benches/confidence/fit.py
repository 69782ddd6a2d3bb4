"""Fits the logistic model of link confidence on the rows of cases.py; prints the coefficients and, per set,
how many right links it flags (under 0.5) and how many wrong links it leaves unflagged, beside the
confidence trame gave them. Usage: fit.py FEATURE,... (see feats)."""
import json, math, os, sys
R=json.load(open(os.environ.get('OUT','/tmp/trame-confidence')+'/rows.json'))
R=[r for r in R if r[4] is not None]
import statistics
MED={}
for name in set(r[0] for r in R):
    MED[name]=statistics.median([r[4][1] for r in R if r[0]==name])
for r in R: r[4]=r[4][:7]+[MED[r[0]]]
# features: least raw length wide support prev next nneigh
def feats(f, which):
    least,raw,length,wide,support,linked,nn,med=f
    alone=1.0 if nn==0 else 0.0
    allf={'least':least,'raw':raw,'length':length,'wide':wide,'support':support,'linked':linked,'nn':nn,
          'alone':alone,'least_alone':least*alone,'med':med,'rel':raw/max(med,0.05),'srel':support/max(med,0.05)}
    return [1.0]+[allf[w] for w in which]
def fit(X,y,w=None,l2=0.01,iters=300):
    n=len(X[0]); b=[0.0]*n
    if w is None: w=[1.0]*len(X)
    for it in range(iters):
        # Newton step
        g=[0.0]*n; H=[[0.0]*n for _ in range(n)]
        for xi,yi,wi in zip(X,y,w):
            z=sum(a*c for a,c in zip(b,xi)); p=1/(1+math.exp(-max(-30,min(30,z))))
            for a in range(n):
                g[a]+=wi*(p-yi)*xi[a]
                for c in range(n): H[a][c]+=wi*p*(1-p)*xi[a]*xi[c]
        for a in range(n): g[a]+=l2*b[a]; H[a][a]+=l2
        # solve H d = g
        M=[H[a][:]+[g[a]] for a in range(n)]
        for c in range(n):
            piv=max(range(c,n),key=lambda r:abs(M[r][c])); M[c],M[piv]=M[piv],M[c]
            for r in range(n):
                if r!=c and M[c][c]!=0:
                    f=M[r][c]/M[c][c]
                    for k in range(c,n+1): M[r][k]-=f*M[c][k]
        d=[M[a][n]/M[a][a] for a in range(n)]
        b=[bi-di for bi,di in zip(b,d)]
        if max(abs(x) for x in d)<1e-6: break
    return b
def pred(b,x): z=sum(a*c for a,c in zip(b,x)); return 1/(1+math.exp(-z))
def group(r): return 'scattered' if r[0].startswith('sc_') else r[0]
which=sys.argv[1].split(',') if len(sys.argv)>1 else ['least','length','wide']
X=[feats(r[4],which) for r in R]; y=[r[2] for r in R]
# weight: the scattered set counts as much as the gold sets together
ng=sum(1 for r in R if group(r)!='scattered'); ns=len(R)-ng
w=[1.0 if group(r)!='scattered' else ng/ns for r in R]
b=fit(X,y,w)
print('coef', ' '.join(f'{n}={v:.3f}' for n,v in zip(['const']+which,b)))
for thr in [0.5]:
    for g in ['alice','emma','textberg','scattered']:
        rows=[(pred(b,x),yy,r) for x,yy,r in zip(X,y,R) if group(r)==g]
        ok=[p for p,yy,r in rows if yy==1]; bad=[p for p,yy,r in rows if yy==0]
        old_ok=[r[3] for p,yy,r in rows if yy==1]; old_bad=[r[3] for p,yy,r in rows if yy==0]
        print(f'{g:10} right {len(ok):4} flagged {sum(p<thr for p in ok):4} (old {sum(p<thr for p in old_ok):4}) | wrong {len(bad):4} unflagged {sum(p>=thr for p in bad):4} (old {sum(p>=thr for p in old_bad):4})')
# log loss
ll=-sum(wi*(yy*math.log(max(1e-9,pred(b,x)))+(1-yy)*math.log(max(1e-9,1-pred(b,x)))) for x,yy,wi in zip(X,y,w))/sum(w)
print('logloss',round(ll,4))
