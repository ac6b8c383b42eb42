#!/usr/bin/env python3
"""Scores `confgraph extract` against the blind fixtures: per file, recall and precision of
sessions and of (session, speaker) pairs, as tests/e2e/cli.rs does. Prints one line per file
and the totals; with -v, every missing and extra item.

usage: scripts/score-fixtures.py [-v] [--bin PATH] [FIXTURE_DIR_OR_FILE ...]
"""
import json, subprocess, sys, unicodedata, os, glob

args = sys.argv[1:]
verbose = '-v' in args
args = [a for a in args if a != '-v']
binary = os.environ.get('CONFGRAPH_BIN', 'target/release/confgraph')
if '--bin' in args:
    i = args.index('--bin'); binary = args[i + 1]; del args[i:i + 2]
roots = args or ['tests/fixtures']

def fold(s):
    s = unicodedata.normalize('NFKD', s)
    return ''.join(c for c in s if not unicodedata.combining(c))

def title_key(conf, title):
    t = ''.join(c for c in title if c.isalnum() or c.isspace()).lower()
    return conf + '|' + ' '.join(t.split())

HON = {'dr', 'prof', 'mr', 'mrs', 'ms', 'mx', 'sir', 'dame', 'professor'}
def name_key(n):
    n = fold(n).lower()
    for c in ".’‘'\"“”,":
        n = n.replace(c, '')
    return ' '.join(w for w in n.split() if w not in HON)

def sets(sessions):
    s, p = set(), set()
    for x in sessions:
        k = title_key(x['conference'], x['title'])
        s.add(k)
        for sp in x['speakers']:
            p.add(k + '|' + name_key(sp))
    return s, p

def ratio(a, b):
    return 1.0 if b == 0 else a / b

cases = []
for root in roots:
    if root == 'bundled':
        for notes in sorted(glob.glob('notes/*')):
            stem = os.path.basename(notes).rsplit('.', 1)[0]
            cases.append((notes, f'tests/expected/{stem}.json'))
        continue
    if os.path.isfile(root):
        cases.append((root, root.rsplit('.', 1)[0] + '.expected.json'))
        continue
    for exp in sorted(glob.glob(os.path.join(root, '**', '*.expected.json'), recursive=True)):
        base = exp[:-len('.expected.json')]
        notes = [f for f in glob.glob(base + '.*') if not f.endswith('.expected.json')]
        if notes:
            cases.append((notes[0], exp))
    for exp in sorted(glob.glob(os.path.join(root, '**', 'expected.json'), recursive=True)):
        cases.append((os.path.dirname(exp), exp))

tot = [0, 0, 0, 0, 0, 0]  # sess hit, sess exp, sess act, pair hit, pair exp, pair act
for notes, exp in cases:
    want = json.load(open(exp))
    cmd = [binary, 'extract', notes, '--format', 'json']
    if want.get('conference_flag'):
        cmd += ['--conference', want['conference_flag']]
    out = subprocess.run(cmd, capture_output=True)
    if out.returncode != 0:
        # A file not read counts as every expected item missed.
        es, ep = sets(want['sessions'])
        tot[1] += len(es)
        tot[4] += len(ep)
        print(f'{notes}: FAILED {out.stderr.decode()[:300]}')
        continue
    got = json.loads(out.stdout)
    es, ep = sets(want['sessions'])
    as_, ap = sets(got['sessions'])
    sh, ph = len(es & as_), len(ep & ap)
    for i, v in enumerate([sh, len(es), len(as_), ph, len(ep), len(ap)]):
        tot[i] += v
    c = want['conference']
    conf_ok = any(g['series'] == c['series'] and g['year'] == c['year'] for g in got['conferences'])
    loc_ok = any(g['location'] == c['location'] for g in got['conferences'])
    sr, sp, pr, pp = ratio(sh, len(es)), ratio(sh, len(as_)), ratio(ph, len(ep)), ratio(ph, len(ap))
    flag = '' if min(sr, sp, pr, pp) >= 0.95 and conf_ok else '  <<<'
    print(f'{notes:60s} S r{sr:.2f} p{sp:.2f}  P r{pr:.2f} p{pp:.2f}  conf {"ok" if conf_ok else "WRONG"} loc {"ok" if loc_ok else "-"}{flag}')
    if verbose and (flag or min(sr, sp, pr, pp) < 1):
        for m in sorted(es - as_): print('   missing session', m)
        for m in sorted(as_ - es): print('   extra session  ', m)
        for m in sorted(ep - ap): print('   missing pair   ', m)
        for m in sorted(ap - ep): print('   extra pair     ', m)
sr, sp, pr, pp = ratio(tot[0], tot[1]), ratio(tot[0], tot[2]), ratio(tot[3], tot[4]), ratio(tot[3], tot[5])
f1 = lambda r, p: 0 if r + p == 0 else 2 * r * p / (r + p)
print(f'TOTAL sessions r{sr:.3f} p{sp:.3f} F1 {f1(sr, sp):.3f} | pairs r{pr:.3f} p{pp:.3f} F1 {f1(pr, pp):.3f}')
