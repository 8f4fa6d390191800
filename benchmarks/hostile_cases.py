#!/usr/bin/env python3
"""The hostile cases of issue 19, run against graphx as a black box (the command line only).

Written by a helper who read only the README and --help, from the issue's text (the attacker's own
list of 113 cases was not available): 105 cases of cache tampering, bad file names, worker deaths in
every runner, real signals, full and read-only disks, export validity, long reports, config and graph
files, eval gold checks and bidi. Each case is classed PASS or FAIL (traceback, build-lost,
false-data, orphan, hang, other).

Run:  python benchmarks/hostile_cases.py            (all cases, ~15 minutes)
      python benchmarks/hostile_cases.py 3 7 55-60  (some cases)
Needs root for the tmpfs and read-only bind-mount cases, strace for two, headless Chromium
(Playwright) for the bidi case. Works in $GRAPHX_ATTACK_DIR (default: a new temporary folder) and
writes results.json there; benchmarks/results/hostile_cases.json is the run the last closing note
reports.
"""
import csv
import hashlib
import io
import json
import os
import re
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import zlib

BASE = os.environ.get('GRAPHX_ATTACK_DIR') or tempfile.mkdtemp(prefix='graphx-attack-')
W = BASE + '/w'
SNAP = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # the checkout this file is in
PY = sys.executable
RESULTS_PATH = BASE + '/results.json'
ENV = dict(os.environ)
ENV['PYTHONPATH'] = SNAP
ENV.pop('PYTHONSTARTUP', None)
ENV['PYTHONUNBUFFERED'] = '1'
CRASHPKG = W + '/crashpkg'
CRASHMODEL = W + '/crashmodel'
CRASH_ENV = dict(ENV, PYTHONPATH=SNAP + ':' + CRASHPKG)
TIMEOUT = 120
ORPHAN_GRACE = 30

REPORT = "Putin called Erdogan on Monday. Assad fled to Moscow. Lavrov met Fidan in Doha.\n"
HEADER = "Title: Talks in Doha\nSource: Reuters\nURL: https://example.org/a\nDate: 2024-12-08\n\n"


def gx(*args):
    return [PY, '-m', 'graphx.cli'] + [str(a) for a in args]


# ---------------------------------------------------------------- processes

def pstat(pid):
    try:
        with open(f'/proc/{pid}/stat') as f:
            s = f.read()
    except OSError:
        return None
    rp = s.rfind(')')
    f = s[rp + 2:].split()
    try:
        return dict(pid=pid, state=f[0], ppid=int(f[1]), pgrp=int(f[2]), sid=int(f[3]),
                    start=int(f[19]))
    except (IndexError, ValueError):
        return None


def all_procs():
    out = {}
    for d in os.listdir('/proc'):
        if d.isdigit():
            st = pstat(int(d))
            if st:
                out[st['pid']] = st
    return out


def marked(run_id, procs):
    """live processes whose environment carries this run's marker (catches setsid'd descendants)."""
    needle = f'I19_RUN_ID={run_id}'.encode()
    res = []
    for pid, q in procs.items():
        if q['state'] == 'Z' or pid == os.getpid():
            continue
        try:
            with open(f'/proc/{pid}/environ', 'rb') as f:
                if needle in f.read().split(b'\0'):
                    res.append(pid)
        except OSError:
            pass
    return res


def cmdline(pid):
    try:
        with open(f'/proc/{pid}/cmdline', 'rb') as f:
            return f.read().replace(b'\0', b' ').decode('utf-8', 'replace').strip()[:160]
    except OSError:
        return '?'


def family(root, procs):
    """pids in root's session or descended from root (excluding zombies)."""
    kids = {}
    for p in procs.values():
        kids.setdefault(p['ppid'], []).append(p['pid'])
    res = set()
    stack = [root]
    while stack:
        x = stack.pop()
        for k in kids.get(x, []):
            if k not in res:
                res.add(k)
                stack.append(k)
    for p in procs.values():
        if p['sid'] == root:
            res.add(p['pid'])
    if root in procs:
        res.add(root)
    return {pid for pid in res if procs[pid]['state'] != 'Z'}


class Run:
    pass


def _default_signals():
    # A test started from a background job or nohup inherits SIGINT/SIGHUP set to "ignore", and an
    # exec'd program keeps an ignored signal ignored (POSIX): give the tool the dispositions a
    # terminal user's process has.
    for s in (signal.SIGINT, signal.SIGHUP, signal.SIGQUIT, signal.SIGTERM, signal.SIGPIPE):
        signal.signal(s, signal.SIG_DFL)


def run(args, cwd, env=None, timeout=TIMEOUT, stdin_data=None, pipe_stdout=False,
        sig=None, sig_group=False, sig_min_children=0, sig_delay=2.0, sig_max_wait=90):
    """Run a command in its own session; watch its processes; detect hang and orphans."""
    os.makedirs(cwd, exist_ok=True)
    r = Run()
    r.args = args
    fo = tempfile.TemporaryFile()
    fe = tempfile.TemporaryFile()
    t0 = time.time()
    run_id = f'{os.getpid()}-{time.time_ns()}'
    env = dict(env or ENV, I19_RUN_ID=run_id)
    p = subprocess.Popen(args, cwd=cwd, env=env,
                         stdin=subprocess.PIPE if stdin_data is not None else subprocess.DEVNULL,
                         stdout=subprocess.PIPE if pipe_stdout else fo, stderr=fe,
                         start_new_session=True, preexec_fn=_default_signals)
    buf = []
    eof = {}
    if pipe_stdout:
        def reader():
            while True:
                b = p.stdout.read1(65536) if hasattr(p.stdout, 'read1') else p.stdout.read(65536)
                if not b:
                    break
                buf.append(b)
            eof['t'] = time.time()
        th = threading.Thread(target=reader, daemon=True)
        th.start()
    if stdin_data is not None:
        try:
            p.stdin.write(stdin_data.encode() if isinstance(stdin_data, str) else stdin_data)
            p.stdin.close()
        except OSError:
            pass
    tracked = {}
    r.sig_sent = None
    r.children_at_signal = 0
    children_seen_t = None
    hang = False
    while True:
        rc = p.poll()
        procs = all_procs()
        fam = family(p.pid, procs)
        for pid in fam:
            key = (pid, procs[pid]['start'])
            if key not in tracked:
                tracked[key] = cmdline(pid)
        if rc is not None:
            break
        el = time.time() - t0
        if sig is not None and r.sig_sent is None:
            nchild = len(fam - {p.pid})
            if nchild >= sig_min_children and children_seen_t is None:
                children_seen_t = time.time()
            if (children_seen_t is not None and time.time() - children_seen_t >= sig_delay) or el > sig_max_wait:
                r.children_at_signal = nchild
                r.sig_sent = time.time() - t0
                try:
                    if sig_group:
                        os.killpg(p.pid, sig)
                    else:
                        os.kill(p.pid, sig)
                except ProcessLookupError:
                    pass
        if el > timeout:
            hang = True
            break
        time.sleep(0.1)
    if hang:
        try:
            os.killpg(p.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        p.wait()
    r.rc = p.returncode
    r.dur = time.time() - t0
    r.hang = hang
    t_end = time.time()
    # orphan check: anything of the run still alive ORPHAN_GRACE s after it ended
    left = []
    while True:
        procs = all_procs()
        left = []
        for (pid, st), cl in tracked.items():
            if pid == p.pid:
                continue
            q = procs.get(pid)
            if q and q['start'] == st and q['state'] != 'Z':
                left.append((pid, q['ppid'], cl))
        for q in procs.values():
            if q['sid'] == p.pid and q['state'] != 'Z' and q['pid'] not in [x[0] for x in left]:
                left.append((q['pid'], q['ppid'], cmdline(q['pid'])))
        for pid in marked(run_id, procs):
            if pid != p.pid and pid not in [x[0] for x in left]:
                left.append((pid, procs[pid]['ppid'], cmdline(pid)))
        if not left or time.time() - t_end >= ORPHAN_GRACE:
            break
        time.sleep(0.5)
    r.orphans = left
    r.orphan_wait = time.time() - t_end
    for pid, _, _ in left:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    try:
        os.killpg(p.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    if pipe_stdout:
        r.pipe_eof_after_end = (eof['t'] - t_end) if 't' in eof else None
        th.join(10)
        out_b = b''.join(buf)
    else:
        fo.seek(0)
        out_b = fo.read()
    fe.seek(0)
    err_b = fe.read()
    r.out = out_b.decode('utf-8', 'replace')
    r.err = err_b.decode('utf-8', 'replace')
    r.tracked = tracked
    return r


# ---------------------------------------------------------------- classification

TB_RE = re.compile(r'Traceback \(most recent call last\)')
EXC_LINE_RE = re.compile(r'^\s*(?:Error:\s*)?(?:[A-Za-z_]\w*\.)*(?:[A-Za-z_]\w*(?:Error|Exception)|KeyboardInterrupt|BrokenProcessPool|FutureCancelledError|CancelledError|SystemExit)\b\s*(?::|$)', re.M)
KNOWN_RE = re.compile(r'BrokenProcessPool|FutureCancelledError|RecursionError|MemoryError|UnicodeEncodeError|UnicodeDecodeError|sqlite3\.\w*Error|KeyboardInterrupt')


def find_traceback(text):
    m = TB_RE.search(text)
    if m:
        tail = text[m.start():].splitlines()
        exc = [l for l in tail if EXC_LINE_RE.match(l)]
        last = exc[-1] if exc else (tail[-1] if tail else '')
        return (tail[0] + ' ... ' + last.strip())[:400]
    m = EXC_LINE_RE.search(text)
    if m:
        line = text[m.start():].splitlines()[0] if text[m.start():].strip() else ''
        return line.strip()[:400]
    m = KNOWN_RE.search(text)
    if m:
        ls = text.rfind('\n', 0, m.start()) + 1
        le = text.find('\n', m.end())
        return text[ls: le if le >= 0 else None].strip()[:400]
    return None


class Skip(Exception):
    pass


class Ctx:
    def __init__(self, num, name, group):
        self.num = num
        self.name = name
        self.group = group
        self.fails = []
        self.notes = []
        self.dir = f'{W}/c{num:03d}'
        shutil.rmtree(self.dir, ignore_errors=True)
        os.makedirs(self.dir)

    def fail(self, cat, msg, excerpt=''):
        self.fails.append(dict(category=cat, message=msg, excerpt=excerpt[:700]))

    def note(self, msg):
        self.notes.append(msg)

    def run(self, args, cwd=None, label=None, tb=True, **kw):
        r = run(args, cwd or self.dir, **kw)
        label = label or ' '.join(str(a) for a in args[3:])[:100]
        r.label = label
        if tb:
            t = find_traceback(r.out + '\n' + r.err)
            if t:
                self.fail('traceback', f'`{label}` printed a traceback / raw exception', t)
        if r.hang:
            self.fail('hang', f'`{label}` did not finish in {TIMEOUT} s (killed)', tail(r))
        if r.orphans:
            self.fail('orphan', f'`{label}`: {len(r.orphans)} process(es) of the run alive {ORPHAN_GRACE} s after it ended',
                      '; '.join(f'pid {a} ppid {b}: {c}' for a, b, c in r.orphans[:4]))
        return r


def tail(r, n=6):
    lines = [l for l in (r.err + '\n' + r.out).splitlines() if l.strip()]
    return ' | '.join(lines[-n:])[:700]


def both(r):
    return r.out + '\n' + r.err


# ---------------------------------------------------------------- helpers

def write(path, data):
    d = os.path.dirname(path)
    if d:
        os.makedirs(d, exist_ok=True)
    mode = 'wb' if isinstance(data, bytes) else 'w'
    with open(path, mode, **({} if mode == 'wb' else {'encoding': 'utf-8', 'newline': ''})) as f:
        f.write(data)


def std_corpus(d, n=3):
    os.makedirs(d, exist_ok=True)
    write(f'{d}/a.txt', HEADER + REPORT)
    for i in range(1, n):
        write(f'{d}/{chr(97 + i)}.txt', REPORT + f"Report number {i}.\n")


def load_graph(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def edge_set(g):
    return {(e['source'], e.get('key') or e.get('type'), e['target']) for e in g['edges']}


def cited_docs(g):
    return {c['doc'] for e in g['edges'] for c in e.get('citations', [])}


def sha(path):
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


OUTPUTS = ['graph.json', 'graph.graphml', 'graph.html', 'conflicts.json']


def snapshot(out):
    return {n: sha(f'{out}/{n}') for n in OUTPUTS if os.path.exists(f'{out}/{n}')}


def tmp_files(out):
    try:
        return [n for n in os.listdir(out) if n.endswith('.tmp')]
    except OSError:
        return []


def build(ctx, paths, out, *extra, model='blank', cwd=None, label=None, env=None, **kw):
    args = ['build'] + list(paths) + ['-o', out]
    if model:
        args += ['--model', model]
    args += list(extra)
    return ctx.run(gx(*args), cwd=cwd, label=label or ('build ' + ' '.join(str(x) for x in args[1:]))[:120],
                   env=env, **kw)


def must_ok(ctx, r, ok=(0,), what='command'):
    if r.rc not in ok and not r.hang:
        ctx.fail('other', f'{what} exited {r.rc} (expected {ok})', tail(r))
        return False
    return True


def mount_tmpfs(path, size):
    os.makedirs(path, exist_ok=True)
    p = subprocess.run(['mount', '-t', 'tmpfs', '-o', f'size={size}', 'tmpfs', path],
                       capture_output=True, text=True)
    if p.returncode:
        raise Skip(f'cannot mount tmpfs: {p.stderr.strip()}')


def umount(path):
    for _ in range(5):
        p = subprocess.run(['umount', path], capture_output=True, text=True)
        if p.returncode == 0:
            return
        time.sleep(1)
    subprocess.run(['umount', '-l', path], capture_output=True)


def bind_ro(src, dst):
    if os.path.isdir(src):
        os.makedirs(dst, exist_ok=True)
    else:
        open(dst, 'a').close() if not os.path.exists(dst) else None
    p = subprocess.run(['mount', '--bind', src, dst], capture_output=True, text=True)
    if p.returncode:
        raise Skip(f'cannot bind-mount: {p.stderr.strip()}')
    p = subprocess.run(['mount', '-o', 'remount,bind,ro', dst], capture_output=True, text=True)
    if p.returncode:
        umount(dst)
        raise Skip(f'cannot remount read-only: {p.stderr.strip()}')


def fill_disk(mnt, leave):
    st = os.statvfs(mnt)
    free = st.f_bavail * st.f_frsize
    n = max(0, free - leave)
    with open(f'{mnt}/filler', 'wb') as f:
        try:
            f.write(b'\0' * n)
        except OSError:
            pass
    st = os.statvfs(mnt)
    return st.f_bavail * st.f_frsize


def setup_crash_model():
    if os.path.exists(CRASHMODEL + '/config.cfg'):
        return
    os.makedirs(CRASHPKG + '/crashcomp-0.0.dist-info', exist_ok=True)
    write(CRASHPKG + '/crashcomp.py', '''import os, ctypes
from spacy.language import Language

@Language.factory("crasher")
def make_crasher(nlp, name):
    def crasher(doc):
        t = doc.text
        if "CRASH_EXIT" in t:
            os._exit(7)
        if "CRASH_SEGV" in t:
            ctypes.string_at(0)
        return doc
    return crasher
''')
    write(CRASHPKG + '/crashcomp-0.0.dist-info/METADATA', 'Metadata-Version: 2.1\nName: crashcomp\nVersion: 0.0\n')
    write(CRASHPKG + '/crashcomp-0.0.dist-info/entry_points.txt', '[spacy_factories]\ncrasher = crashcomp:make_crasher\n')
    subprocess.run([PY, '-c', "import spacy; nlp=spacy.blank('en'); nlp.add_pipe('crasher'); nlp.to_disk(%r)" % CRASHMODEL],
                   env=CRASH_ENV, check=True, cwd=W)


def crash_corpus(d, marker):
    os.makedirs(d, exist_ok=True)
    for i in range(1, 7):
        txt = REPORT + f"Number {i}.\n"
        if i == 3 and marker:
            txt = f"Putin called Erdogan on Monday. {marker} here.\n"
        write(f'{d}/r{i}.txt', txt)


# ---------------------------------------------------------------- cases

CASES = []


def case(name, group):
    def deco(fn):
        CASES.append((name, group, fn))
        return fn
    return deco


# ===== A. The cache is trusted =====

def cache_rows(cache):
    con = sqlite3.connect(cache)
    rows = con.execute('select doc, checksum, result from docs').fetchall()
    con.close()
    return rows


def tamper(ctx, cache, doc, fn):
    con = sqlite3.connect(cache)
    rows = con.execute('select doc, checksum, result from docs').fetchall()
    ok = all(hashlib.sha256(r[2]).hexdigest() == r[1] for r in rows)
    ctx.note('checksum inferred as sha256(result blob) [result = zlib-compressed JSON]; verified on all '
             f'{len(rows)} rows: {ok}; recomputed after the edit')
    if not ok:
        ctx.note('WARNING: checksum scheme not verified')
    blob = [r[2] for r in rows if r[0] == doc][0]
    d = json.loads(zlib.decompress(blob))
    fn(d)
    nb = zlib.compress(json.dumps(d, ensure_ascii=False, separators=(',', ':')).encode('utf-8'))
    con.execute('update docs set result=?, checksum=? where doc=?', (nb, hashlib.sha256(nb).hexdigest(), doc))
    con.commit()
    con.close()


def cache_case(ctx, fn, markers, forbidden_edges=(), forbidden_nodes=()):
    src = ctx.dir + '/r'
    out = ctx.dir + '/out'
    std_corpus(src)
    r = build(ctx, [src], out)
    if not must_ok(ctx, r, what='clean build'):
        return
    clean = edge_set(load_graph(out + '/graph.json'))
    info = ctx.run(gx('cache', 'info', '-o', out), label='cache info')
    cache = out + '/.graphx-cache.sqlite'
    if not os.path.exists(cache):
        ctx.fail('other', 'cache file not found', info.out)
        return
    tamper(ctx, cache, 'a.txt', fn)
    r = build(ctx, [src], out, label='warm build after tampering')
    if not must_ok(ctx, r, what='warm build'):
        if not os.path.exists(out + '/graph.json'):
            ctx.fail('build-lost', 'no graph.json after warm build', tail(r))
        return
    g = load_graph(out + '/graph.json')
    p = ctx.run(gx('path', 'Putin', 'Assad', '-g', out + '/graph.json'), label='path Putin Assad')
    p2 = ctx.run(gx('path', 'Putin', 'Erdogan', '-g', out + '/graph.json'), label='path Putin Erdogan')
    e = ctx.run(gx('edges', '-g', out + '/graph.json', '--format', 'json'), label='edges --format json')
    texts = {n: open(f'{out}/{n}', encoding='utf-8', errors='replace').read() for n in OUTPUTS}
    texts['`path` output'] = p.out + p.err + p2.out + p2.err
    texts['`edges` output'] = e.out
    for m in markers:
        for where, t in texts.items():
            if m in t:
                i = t.find(m)
                ctx.fail('false-data', f'forged text {m!r} shown in {where}', t[max(0, i - 150): i + 150])
    es = edge_set(g)
    for fe in forbidden_edges:
        if fe in es:
            ctx.fail('false-data', f'forged edge {fe} in graph.json')
    ids = {n['id'] for n in g['nodes']}
    for n in forbidden_nodes:
        if n in ids:
            ctx.fail('false-data', f'forged actor id {n!r} in graph.json')
    if es != clean:
        ctx.fail('other', f'edges differ from the clean build: +{es - clean} -{clean - es}')
    w = [l for l in both(r).splitlines() if 'cache' in l.lower() and 'a.txt' in l]
    if not w:
        ctx.fail('other', 'no one-line warning naming a.txt about the cache entry', tail(r))
    else:
        ctx.note('warning: ' + w[0][:200])


@case('Cache row: cited sentence replaced by invented text (offsets kept), checksum recomputed; warm build, graph.json/html/path', 'A cache')
def c_cache_quote(ctx):
    fake = 'Putin secretly promised Erdogan a nuclear deal.'

    def fn(d):
        d['evidence'][0][6] = fake
    cache_case(ctx, fn, ['nuclear deal'])


@case('Cache row: an added forged edge Putin -contacted-> Assad with an invented quote, checksum recomputed', 'A cache')
def c_cache_edge(ctx):
    def fn(d):
        ev = list(d['evidence'][0])
        ev[0], ev[1], ev[2] = 'vladimir_putin', 'contacted', 'bashar_al_assad'
        ev[6] = 'Putin phoned Assad to promise him asylum.'
        ev[7] = 'phoned'
        d['evidence'].append(ev)
    cache_case(ctx, fn, ['promise him asylum'], forbidden_edges=[('vladimir_putin', 'contacted', 'bashar_al_assad')])


@case('Cache row: a citation\'s outlet, title and URL replaced by invented ones, checksum recomputed', 'A cache')
def c_cache_outlet(ctx):
    def fn(d):
        for ev in d['evidence']:
            ev[23], ev[24], ev[25] = 'FORGED TITLE', 'Forged Outlet Agency', 'https://forged.example/x'
    cache_case(ctx, fn, ['FORGED TITLE', 'Forged Outlet Agency', 'forged.example'])


@case('Cache: a forged row inserted for a document id that is not in the corpus (valid checksum)', 'A cache')
def c_cache_extra_row(ctx):
    src = ctx.dir + '/r'
    out = ctx.dir + '/out'
    std_corpus(src)
    r = build(ctx, [src], out)
    if not must_ok(ctx, r, what='clean build'):
        return
    clean = edge_set(load_graph(out + '/graph.json'))
    cache = out + '/.graphx-cache.sqlite'
    con = sqlite3.connect(cache)
    doc, dig, fp, ck, blob = con.execute("select * from docs where doc='b.txt'").fetchone()
    d = json.loads(zlib.decompress(blob))
    d['doc'] = 'zz.txt'
    for ev in d['evidence']:
        ev[3] = 'zz.txt'
        ev[6] = 'Putin ordered the forged strike on Monday.'
    nb = zlib.compress(json.dumps(d, separators=(',', ':')).encode())
    con.execute('insert into docs values (?,?,?,?,?)', ('zz.txt', dig, fp, hashlib.sha256(nb).hexdigest(), nb))
    con.commit()
    con.close()
    ctx.note('inserted row zz.txt (digest of b.txt, same fingerprint, checksum = sha256(blob))')
    r = build(ctx, [src], out, label='warm build')
    must_ok(ctx, r, what='warm build')
    g = load_graph(out + '/graph.json')
    txt = ''.join(open(f'{out}/{n}', encoding='utf-8').read() for n in OUTPUTS)
    if 'forged strike' in txt or 'zz.txt' in txt:
        ctx.fail('false-data', 'forged row for a document not in the corpus shown in the outputs')
    if edge_set(g) != clean:
        ctx.fail('other', 'edges differ from the clean build')


@case('Cache row with wrong types (offset as string, flag as string, tokens as string), checksum recomputed', 'A cache')
def c_cache_types(ctx):
    def fn(d):
        d['evidence'][0][4] = str(d['evidence'][0][4])
        d['evidence'][0][17] = 'no'
        d['tokens'] = 'many'
    cache_case(ctx, fn, [])


@case('Cache row whose evidence is an object and counts a string (wrong container types), checksum recomputed', 'A cache')
def c_cache_types2(ctx):
    def fn(d):
        d['evidence'] = {'0': d['evidence'][0]}
        d['counts'] = 'x'
    cache_case(ctx, fn, [])


@case('Cache row with an unknown actor id as an edge source, checksum recomputed', 'A cache')
def c_cache_actor(ctx):
    def fn(d):
        d['evidence'][0][0] = 'zz_forged_actor'
        d['counts'].append(['zz_forged_actor', 3])
    cache_case(ctx, fn, ['zz_forged_actor'], forbidden_nodes=['zz_forged_actor'])


# ===== B. One bad file loses the build =====

def badname_case(ctx, extra):
    src = ctx.dir + '/r'
    std_corpus(src)
    bad = os.fsencode(src) + b'/bad\xff\xfe.txt'
    with open(bad, 'wb') as f:
        f.write(REPORT.encode())
    out = ctx.dir + '/out'
    r = build(ctx, [src], out, *extra)
    if r.rc != 3:
        ctx.fail('other', f'exit {r.rc}, expected 3', tail(r))
    if not os.path.exists(out + '/graph.json'):
        ctx.fail('build-lost', 'no graph.json although a.txt, b.txt, c.txt are good', tail(r))
        return
    g = load_graph(out + '/graph.json')
    if not {'a.txt', 'b.txt', 'c.txt'} <= cited_docs(g):
        ctx.fail('build-lost', f'good reports missing from graph.json: cited {sorted(cited_docs(g))}')
    sk = [l for l in r.err.splitlines() if l.startswith('skipped:') and 'bad' in l]
    if not sk:
        ctx.fail('other', 'no "skipped: ..." line naming the bad file name', tail(r))
    else:
        ctx.note(sk[0][:200])
    cnt = [l for l in both(r).splitlines() if re.search(r'\b1 (file|report|document)s?\b.*skip|skipped[^:]*\b1\b', l, re.I)]
    ctx.note('summary line counting the skipped file: ' + (cnt[0][:150] if cnt else 'none (only the "skipped:" line and graph.json graph.skipped, which has '
             + str(len(g['graph'].get('skipped') or [])) + ' entry)'))
    if 'bad' not in json.dumps(g['graph'].get('skipped', '')):
        ctx.fail('other', 'graph.json graph.skipped does not list the bad file', json.dumps(g['graph'].get('skipped'))[:200])


@case("Non-UTF-8 file name bad\\xff\\xfe.txt among good reports, default scheduler", 'B bad file')
def c_badname_default(ctx):
    badname_case(ctx, [])


@case("Non-UTF-8 file name bad\\xff\\xfe.txt, --jobs 2", 'B bad file')
def c_badname_jobs(ctx):
    badname_case(ctx, ['--jobs', '2'])


@case("Non-UTF-8 file name bad\\xff\\xfe.txt, --scheduler local --jobs 2 (Dask)", 'B bad file')
def c_badname_dask(ctx):
    badname_case(ctx, ['--scheduler', 'local', '--jobs', '2'])


def crash_case(ctx, marker, extra, warm=False):
    setup_crash_model()
    ctx.note('worker crash produced as a black box: --model is a saved spaCy pipeline whose component '
             '(registered through a spacy_factories entry point on PYTHONPATH) calls os._exit(7) / '
             'ctypes.string_at(0) on a report containing the marker')
    src = ctx.dir + '/r'
    out = ctx.dir + '/out'
    if warm:
        crash_corpus(src, None)
        r0 = build(ctx, [src], out, *extra, model=CRASHMODEL, env=CRASH_ENV, label='cold build (no crash report)')
        must_ok(ctx, r0, what='cold build')
        crash_corpus(src, marker)
    else:
        crash_corpus(src, marker)
    r = build(ctx, [src], out, *extra, model=CRASHMODEL, env=CRASH_ENV)
    if r.rc != 3:
        ctx.fail('other', f'exit {r.rc}, expected 3', tail(r))
    if not os.path.exists(out + '/graph.json'):
        ctx.fail('build-lost', 'no graph.json', tail(r))
        return
    g = load_graph(out + '/graph.json')
    good = {f'r{i}.txt' for i in (1, 2, 4, 5, 6)}
    docs = cited_docs(g)
    if not good <= docs:
        ctx.fail('build-lost', f'good reports missing: {sorted(good - docs)}', tail(r))
    if 'r3.txt' in docs and marker in json.dumps(g):
        ctx.fail('other', 'crashing report r3.txt is in the graph')
    sk = [l for l in r.err.splitlines() if l.startswith('skipped:') and 'r3.txt' in l]
    if not sk:
        ctx.fail('other', 'no "skipped:" line naming r3.txt', tail(r))
    else:
        ctx.note(sk[0][:240])
        if re.search(r'TypeError|cannot unpack|FutureCancelled|BrokenProcessPool', sk[0]):
            ctx.fail('other', 'skip reason is an internal error, not the crash', sk[0])
    others = [l for l in r.err.splitlines() if l.startswith('skipped:') and 'r3.txt' not in l]
    if others:
        ctx.fail('other', 'other reports were skipped too', ' | '.join(others)[:400])


@case('Worker dies with os._exit, --jobs 2', 'B bad file')
def c_crash_exit_jobs(ctx):
    crash_case(ctx, 'CRASH_EXIT', ['--jobs', '2'])


@case('Worker segfaults, --jobs 2', 'B bad file')
def c_crash_segv_jobs(ctx):
    crash_case(ctx, 'CRASH_SEGV', ['--jobs', '2'])


@case('Worker dies with os._exit, --scheduler local --jobs 2', 'B bad file')
def c_crash_exit_dask(ctx):
    crash_case(ctx, 'CRASH_EXIT', ['--scheduler', 'local', '--jobs', '2'])


@case('Worker segfaults, --scheduler local --jobs 2', 'B bad file')
def c_crash_segv_dask(ctx):
    crash_case(ctx, 'CRASH_SEGV', ['--scheduler', 'local', '--jobs', '2'])


@case("Worker dies with os._exit, default scheduler (warm build's worker, one changed report)", 'B bad file')
def c_crash_exit_warm(ctx):
    crash_case(ctx, 'CRASH_EXIT', [], warm=True)


@case("Worker segfaults, default scheduler (warm build's worker, one changed report)", 'B bad file')
def c_crash_segv_warm(ctx):
    crash_case(ctx, 'CRASH_SEGV', [], warm=True)


@case('Cold --jobs 1 build where the report kills the main process (documented limit): previous outputs must stay whole', 'B bad file')
def c_crash_cold_j1(ctx):
    setup_crash_model()
    src = ctx.dir + '/r'
    out = ctx.dir + '/out'
    crash_corpus(src, None)
    r0 = build(ctx, [src], out, model=CRASHMODEL, env=CRASH_ENV, label='first build')
    must_ok(ctx, r0, what='first build')
    before = snapshot(out)
    crash_corpus(src, 'CRASH_EXIT')
    r = build(ctx, [src], out, '--no-cache', model=CRASHMODEL, env=CRASH_ENV)
    ctx.note(f'exit {r.rc}; README: at --jobs 1 a cold build cannot survive a process-killing report')
    after = snapshot(out)
    if before != after:
        ctx.fail('build-lost', 'previous outputs changed/destroyed by the killed build',
                 str({k: (before.get(k, '-')[:8], after.get(k, '-')[:8]) for k in set(before) | set(after)}))


# ===== C. Processes left behind =====

SIG_CORPUS = W + '/sigcorpus'


def sig_corpus():
    if os.path.exists(SIG_CORPUS + '/r149.txt'):
        return SIG_CORPUS
    os.makedirs(SIG_CORPUS, exist_ok=True)
    body = ("Putin called Erdogan on Monday. Assad fled to Moscow. Lavrov met Fidan in Doha. "
            "The minister said talks would continue next week in the capital. ") * 10
    for i in range(150):
        write(f'{SIG_CORPUS}/r{i:03d}.txt', f"Title: Report {i}\nSource: Wire{i % 5}\n\n{body}\n")
    return SIG_CORPUS


def signal_case(ctx, sig, extra, expect_rc, group=False, min_children=2, warm=False, repeat=1, model=None):
    src = ctx.dir + '/r'
    shutil.copytree(sig_corpus(), src)
    out = ctx.dir + '/out'
    ctx.note('trained pipeline (default model), 150 reports; signal sent ~2 s after the workers exist')
    if warm:
        r0 = build(ctx, [src], out, '--jobs', '2', '-q', model=model, label='full build (fills cache)')
        must_ok(ctx, r0, what='full build')
        for i in range(0, 60):
            with open(f'{src}/r{i:03d}.txt', 'a') as f:
                f.write('Erdogan met Putin in Ankara.\n')
    else:
        r0 = build(ctx, [src], out, '-q', label='previous blank build (previous outputs)')
        must_ok(ctx, r0, what='previous build')
    before = snapshot(out)
    for k in range(repeat):
        if k:  # the try before may have completed and filled the cache: make every try extract again
            for n in os.listdir(out):
                if n.startswith('.graphx-cache'):
                    os.remove(f'{out}/{n}')
        r = build(ctx, [src], out, *extra, model=model, pipe_stdout=True, sig=sig, sig_group=group,
                  sig_min_children=min_children, sig_delay=2.0,
                  label=f'build {" ".join(extra)} + {signal.Signals(sig).name}{" to the process group" if group else ""} (try {k + 1})')
        if r.sig_sent is None:
            ctx.fail('other', 'the build finished before the signal could be sent', tail(r))
            continue
        ctx.note(f'try {k + 1}: signal at {r.sig_sent:.1f}s with {r.children_at_signal} child process(es); exit {r.rc} '
                 f'after {r.dur:.1f}s; {len(r.tracked)} processes seen; last stderr line: {(r.err.strip().splitlines() or [""])[-1][:120]!r}')
        if r.children_at_signal < 1:
            ctx.note('no worker process existed when the signal was sent')
        if expect_rc is not None and r.rc != expect_rc:
            ctx.fail('other', f'exit {r.rc}, expected {expect_rc}', tail(r))
        if r.pipe_eof_after_end is None:
            ctx.fail('orphan', f'stdout pipe still held open {ORPHAN_GRACE} s after the build ended (a CI step reading it would hang)')
        elif r.pipe_eof_after_end > 5:
            ctx.note(f'stdout pipe closed {r.pipe_eof_after_end:.1f}s after the build ended')
        if sig != signal.SIGKILL:
            inter = [l for l in r.err.splitlines() if 'nterrupted' in l or 'stopped' in l.lower()]
            if len(inter) != 1:
                ctx.fail('other', f'expected exactly one "Interrupted" line on stderr, got {len(inter)}', tail(r))
            junk = [l for l in r.err.splitlines() if l.strip() and l not in inter and 'Reading reports' not in l
                    and not re.match(r'^[\s\r]*(Extracting|Reading|\d+%|\[)', l)]
            if len(junk) > 1:
                ctx.note('other stderr lines: ' + ' | '.join(junk)[:300])
            tmps = tmp_files(out)
            if tmps:
                ctx.fail('other', f'temporary files left: {tmps[:3]}')
        after = snapshot(out)
        for n in OUTPUTS:
            if n in before and n not in after:
                ctx.fail('build-lost', f'previous {n} destroyed')
        try:
            load_graph(out + '/graph.json')
        except Exception as e:
            ctx.fail('build-lost', f'graph.json not whole after the signal: {e}')


@case('SIGTERM to a --jobs 2 build (trained pipeline)', 'C processes')
def c_sigterm_jobs(ctx):
    signal_case(ctx, signal.SIGTERM, ['--jobs', '2'], 143)


@case('SIGKILL to a --jobs 2 build (trained pipeline)', 'C processes')
def c_sigkill_jobs(ctx):
    signal_case(ctx, signal.SIGKILL, ['--jobs', '2'], -9)


@case("SIGKILL to a warm build (60 of 150 reports changed; the warm build's early worker running)", 'C processes')
def c_sigkill_warm(ctx):
    signal_case(ctx, signal.SIGKILL, [], -9, warm=True, min_children=1)


@case('Ctrl-C (SIGINT to the whole process group, as a terminal does) of a --jobs 2 build, 3 tries', 'C processes')
def c_ctrlc_jobs(ctx):
    signal_case(ctx, signal.SIGINT, ['--jobs', '2'], 130, group=True, repeat=3)


@case('SIGTERM to a --scheduler local --jobs 2 build (Dask LocalCluster)', 'C processes')
def c_sigterm_dask(ctx):
    signal_case(ctx, signal.SIGTERM, ['--scheduler', 'local', '--jobs', '2'], 143, min_children=3)


@case('SIGKILL to a --scheduler local --jobs 2 build (Dask LocalCluster)', 'C processes')
def c_sigkill_dask(ctx):
    signal_case(ctx, signal.SIGKILL, ['--scheduler', 'local', '--jobs', '2'], -9, min_children=3)


# ===== D. Disk and permissions =====

def many(d, n, start=0, tag=''):
    os.makedirs(d, exist_ok=True)
    for i in range(start, start + n):
        write(f'{d}/n{i:04d}.txt', REPORT + f"Item {i} {tag} of the series on talks between the ministers.\n")


@case('Disk fills while the cache is written: cold build, cache path symlinked into a full 300k tmpfs', 'D disk')
def c_disk_cache_cold(ctx):
    src = ctx.dir + '/r'
    many(src, 150)
    out = ctx.dir + '/out'
    os.makedirs(out)
    mnt = ctx.dir + '/mnt'
    mount_tmpfs(mnt, '300k')
    try:
        free = fill_disk(mnt, 8 * 1024)
        os.symlink(mnt + '/cache.sqlite', out + '/.graphx-cache.sqlite')
        ctx.note(f'tmpfs 300k, {free} bytes free; out/.graphx-cache.sqlite -> tmpfs/cache.sqlite')
        r = build(ctx, [src], out)
        ctx.note(f'exit {r.rc}; cache target exists: {os.path.exists(mnt + "/cache.sqlite")}; '
                 f'link still a symlink: {os.path.islink(out + "/.graphx-cache.sqlite")}')
        if r.rc != 0:
            ctx.fail('build-lost' if not os.path.exists(out + '/graph.json') else 'other',
                     f'exit {r.rc}: the build did not go on without the cache', tail(r))
        if not os.path.exists(out + '/graph.json'):
            ctx.fail('build-lost', 'no graph.json', tail(r))
        else:
            g = load_graph(out + '/graph.json')
            if len(cited_docs(g)) < 150:
                ctx.fail('build-lost', f'only {len(cited_docs(g))} of 150 reports in graph.json')
        if not re.search(r'cache', both(r), re.I):
            ctx.fail('other', 'no warning about the cache write failure', tail(r))
        else:
            ctx.note('output: ' + ' | '.join(l for l in both(r).splitlines() if 'cache' in l.lower())[:300])
    finally:
        umount(mnt)


@case('Disk fills while the cache is written: warm build with 100 new reports, cache on a full 300k tmpfs', 'D disk')
def c_disk_cache_warm(ctx):
    src = ctx.dir + '/r'
    many(src, 20)
    out = ctx.dir + '/out'
    r0 = build(ctx, [src], out, label='first build')
    must_ok(ctx, r0, what='first build')
    mnt = ctx.dir + '/mnt'
    mount_tmpfs(mnt, '300k')
    try:
        shutil.move(out + '/.graphx-cache.sqlite', mnt + '/cache.sqlite')
        os.symlink(mnt + '/cache.sqlite', out + '/.graphx-cache.sqlite')
        free = fill_disk(mnt, 4 * 1024)
        ctx.note(f'{free} bytes left on the cache tmpfs')
        many(src, 100, start=20, tag='new')
        r = build(ctx, [src], out)
        if r.rc != 0:
            ctx.fail('other', f'exit {r.rc}, expected 0 (cache write failure is only a warning)', tail(r))
        if not os.path.exists(out + '/graph.json'):
            ctx.fail('build-lost', 'no graph.json')
        else:
            g = load_graph(out + '/graph.json')
            if len(cited_docs(g)) < 120:
                ctx.fail('build-lost', f'only {len(cited_docs(g))} of 120 reports in graph.json (new reports missing)', tail(r))
        if not re.search(r'cache', both(r), re.I):
            ctx.fail('other', 'no warning about the cache', tail(r))
        else:
            ctx.note('output: ' + ' | '.join(l for l in both(r).splitlines() if 'cache' in l.lower())[:300])
    finally:
        umount(mnt)


@case('Build into a tiny (300k) tmpfs: the disk fills during the export of a first build', 'D disk')
def c_disk_tiny_out(ctx):
    src = ctx.dir + '/r'
    std_corpus(src)
    mnt = ctx.dir + '/mnt'
    mount_tmpfs(mnt, '300k')
    try:
        r = build(ctx, [src], mnt)
        files = sorted(os.listdir(mnt))
        ctx.note(f'exit {r.rc}; files left: {files}')
        if r.rc == 0:
            ctx.note('build claims success')
            for n in OUTPUTS:
                if not os.path.exists(f'{mnt}/{n}'):
                    ctx.fail('build-lost', f'exit 0 but {n} missing')
        else:
            if not re.search(r'No space left|space', r.err):
                ctx.fail('other', 'error does not say the disk is full', tail(r))
            present = [n for n in OUTPUTS if os.path.exists(f'{mnt}/{n}')]
            if present:
                ctx.fail('other', f'mixed set: failed build left {present}', tail(r))
            if tmp_files(mnt):
                ctx.fail('other', f'temporary files left: {tmp_files(mnt)}')
    finally:
        umount(mnt)


@case('Read-only cache file (bind-mounted read-only, since we are root) and one new report', 'D disk')
def c_ro_cache_file(ctx):
    src = ctx.dir + '/r'
    std_corpus(src)
    out = ctx.dir + '/out'
    r0 = build(ctx, [src], out, label='first build')
    must_ok(ctx, r0, what='first build')
    cache = out + '/.graphx-cache.sqlite'
    bind_ro(cache, cache)
    try:
        write(src + '/new.txt', "Erdogan met Putin in Ankara on Tuesday.\n")
        r = build(ctx, [src], out)
        if r.rc != 0:
            ctx.fail('other', f'exit {r.rc}, expected 0 with a warning', tail(r))
        if not os.path.exists(out + '/graph.json'):
            ctx.fail('build-lost', 'no graph.json')
        else:
            g = load_graph(out + '/graph.json')
            if 'new.txt' not in cited_docs(g):
                ctx.fail('build-lost', 'the new report is not in graph.json (outputs not updated)', tail(r))
        if not re.search(r'cache', both(r), re.I):
            ctx.fail('other', 'no warning about the read-only cache', tail(r))
        else:
            ctx.note(' | '.join(l for l in both(r).splitlines() if 'cache' in l.lower())[:300])
    finally:
        umount(cache)


def ro_folder(ctx):
    src = ctx.dir + '/r'
    std_corpus(src)
    real = ctx.dir + '/out'
    r0 = build(ctx, [src], real, label='first build')
    must_ok(ctx, r0, what='first build')
    ro = ctx.dir + '/out_ro'
    bind_ro(real, ro)
    return real, ro


def strace_writes(logf, needle='.graphx-cache'):
    bad = []
    with open(logf, errors='replace') as f:
        for l in f:
            if needle not in l:
                continue
            if re.search(r'open(at)?\(.*(O_RDWR|O_WRONLY|O_CREAT|O_TRUNC)', l) or re.search(r'unlink|rename|truncate', l):
                bad.append(l.strip())
    return bad


@case('`graphx cache info` on a read-only output folder must not write or delete (strace)', 'D disk')
def c_ro_cache_info(ctx):
    real, ro = ro_folder(ctx)
    try:
        h0 = sha(real + '/.graphx-cache.sqlite')
        logf = ctx.dir + '/strace.log'
        r = ctx.run(['strace', '-f', '-qq', '-o', logf, '-e', 'trace=open,openat,unlink,unlinkat,rename,renameat,renameat2,truncate,ftruncate']
                    + gx('cache', 'info', '-o', ro), label='cache info -o <read-only folder>')
        must_ok(ctx, r, what='cache info')
        if not re.search(r'\b3 report', r.out + r.err):
            ctx.fail('other', 'cache info does not report the 3 reports', tail(r))
        bad = strace_writes(logf)
        if bad:
            ctx.fail('other', f'cache info tried to write/delete the cache ({len(bad)} syscalls)', ' | '.join(bad[:3]))
        if re.search(r'delet|rebuil|repair', both(r), re.I):
            ctx.fail('other', 'cache info talks about deleting/rebuilding the cache', tail(r))
        if sha(real + '/.graphx-cache.sqlite') != h0:
            ctx.fail('other', 'cache file changed')
        ctx.note('output: ' + (r.out + r.err).strip()[:200])
    finally:
        umount(ro)


@case('`graphx cache info` on a writable output folder leaves the folder as it was (no new files, cache bytes unchanged)', 'D disk')
def c_cache_info_rw(ctx):
    src = ctx.dir + '/r'
    std_corpus(src)
    out = ctx.dir + '/out'
    r0 = build(ctx, [src], out, label='first build')
    must_ok(ctx, r0, what='first build')
    before = {n: sha(f'{out}/{n}') for n in os.listdir(out)}
    r = ctx.run(gx('cache', 'info', '-o', out), label='cache info -o out')
    must_ok(ctx, r, what='cache info')
    after = {n: sha(f'{out}/{n}') for n in os.listdir(out)}
    new = sorted(set(after) - set(before))
    changed = sorted(n for n in before if after.get(n) != before[n])
    if new or changed:
        ctx.fail('other', f'cache info wrote to the output folder: new files {new}, changed {changed}',
                 ' '.join(f'{n} ({os.path.getsize(out + "/" + n)} bytes)' for n in new))


@case('`graphx cache clear` on a read-only output folder: one line explaining it', 'D disk')
def c_ro_cache_clear(ctx):
    real, ro = ro_folder(ctx)
    try:
        r = ctx.run(gx('cache', 'clear', '-o', ro), label='cache clear -o <read-only folder>')
        lines = [l for l in r.err.splitlines() if l.strip()]
        ctx.note(f'exit {r.rc}: ' + ' | '.join(lines)[:300])
        if r.rc == 0:
            ctx.fail('other', 'exit 0 although nothing could be deleted', tail(r))
        if not re.search(r'read-only|read only|permission|cannot', r.err, re.I):
            ctx.fail('other', 'message does not explain the read-only folder', tail(r))
        if len(lines) > 2:
            ctx.fail('other', f'{len(lines)} lines on stderr, expected one', tail(r))
        if not os.path.exists(real + '/.graphx-cache.sqlite'):
            ctx.fail('other', 'cache vanished')
    finally:
        umount(ro)


@case('Disk fills mid-export of a rebuild (output folder on a 4M tmpfs with the previous outputs, ~300k left)', 'D disk')
def c_disk_mid_build(ctx):
    src = ctx.dir + '/r'
    std_corpus(src)
    mnt = ctx.dir + '/mnt'
    mount_tmpfs(mnt, '4m')
    try:
        r0 = build(ctx, [src], mnt, '--no-cache', label='first build')
        must_ok(ctx, r0, what='first build')
        before = snapshot(mnt)
        write(src + '/d.txt', "Erdogan met Putin in Ankara on Tuesday.\n")
        free = fill_disk(mnt, 300 * 1024)
        ctx.note(f'{free} bytes free before the rebuild; graph.html is {os.path.getsize(mnt + "/graph.html")} bytes')
        r = build(ctx, [src], mnt, '--no-cache')
        after = snapshot(mnt)
        changed = [n for n in OUTPUTS if before.get(n) != after.get(n)]
        ctx.note(f'exit {r.rc}; outputs changed: {changed}')
        if r.rc == 0:
            if changed and len(changed) < len(OUTPUTS) - 0 and 'conflicts.json' not in changed and len(changed) < 3:
                ctx.fail('other', f'exit 0 but only {changed} changed', tail(r))
        else:
            if changed:
                ctx.fail('build-lost', f'mixed set after the failed rebuild: {changed} replaced, the rest old', tail(r))
            if not re.search(r'No space left', r.err):
                ctx.fail('other', 'error does not name the full disk', tail(r))
            if tmp_files(mnt):
                ctx.fail('other', f'temporary files left: {tmp_files(mnt)}')
    finally:
        umount(mnt)


@case('Disk fills mid `graphx export -f json -f graphml -f gexf -f csv -f html` into a folder with previous exports', 'D disk')
def c_disk_mid_export(ctx):
    src = ctx.dir + '/r'
    std_corpus(src)
    out = ctx.dir + '/out'
    r0 = build(ctx, [src], out, label='build 1')
    must_ok(ctx, r0, what='build 1')
    mnt = ctx.dir + '/mnt'
    mount_tmpfs(mnt, '4m')
    try:
        fmts = ['-f', 'json', '-f', 'graphml', '-f', 'gexf', '-f', 'csv', '-f', 'html']
        r1 = ctx.run(gx('export', '-g', out + '/graph.json', *fmts, '-o', mnt), label='export (plenty of space)')
        must_ok(ctx, r1, what='first export')
        names = sorted(n for n in os.listdir(mnt))
        before = {n: sha(f'{mnt}/{n}') for n in names}
        write(src + '/d.txt', "Erdogan met Putin in Ankara on Tuesday.\n")
        r2 = build(ctx, [src], out, label='build 2 (changed graph)')
        must_ok(ctx, r2, what='build 2')
        free = fill_disk(mnt, 250 * 1024)
        ctx.note(f'{free} bytes free before the second export')
        r = ctx.run(gx('export', '-g', out + '/graph.json', *fmts, '-o', mnt), label='export (disk nearly full)')
        names2 = sorted(n for n in os.listdir(mnt) if n != 'filler')
        after = {n: sha(f'{mnt}/{n}') for n in names2}
        changed = [n for n in names2 if before.get(n) != after.get(n)]
        ctx.note(f'exit {r.rc}; files changed: {changed}')
        if r.rc == 0:
            ctx.note('export claims success')
        else:
            if changed:
                ctx.fail('build-lost', f'mixed set: {changed} replaced/created, the rest old', tail(r))
            if not re.search(r'No space left', r.err):
                ctx.fail('other', 'error does not name the full disk', tail(r))
            if tmp_files(mnt):
                ctx.fail('other', f'temporary files left: {tmp_files(mnt)}')
    finally:
        umount(mnt)


# ===== E. Exports other tools choke on =====

CHECKER = r'''
import sys, json, csv, io, os, re
import networkx as nx
res = {}
d = sys.argv[1]
bad_re = re.compile('[\ufffe\uffff\ud800-\udfff\x00-\x08\x0b\x0c\x0e-\x1f]')
def t(name, fn):
    try:
        fn(); res[name] = 'ok'
    except BaseException as e:
        res[name] = f'{type(e).__name__}: {str(e)[:200]}'
t('nx.read_gexf', lambda: nx.read_gexf(os.path.join(d, 'graph.gexf')))
t('nx.read_graphml', lambda: nx.read_graphml(os.path.join(d, 'graph.graphml')))
def ig():
    import igraph
    igraph.Graph.Read_GraphML(os.path.join(d, 'graph.graphml'))
t('igraph.Read_GraphML', ig)
import graphx
t('graphx.load(graph.json)', lambda: graphx.load(os.path.join(d, 'graph.json')))
t('graphx.load(graph.graphml)', lambda: graphx.load(os.path.join(d, 'graph.graphml')))
for n in sorted(os.listdir(d)):
    p = os.path.join(d, n)
    def dec(p=p, n=n):
        b = open(p, 'rb').read()
        s = b.decode('utf-8')
        m = bad_re.search(s)
        if m and (n.endswith(('.gexf', '.graphml'))):
            raise ValueError(f'forbidden code point U+{ord(m.group()):04X} in XML')
        if n.endswith('.json'):
            json.loads(s)
        if n.endswith('.csv'):
            list(csv.reader(io.StringIO(s)))
    t('strict-utf8+parse ' + n, dec)
print(json.dumps(res))
'''


def export_checks(ctx, graph_json, tag):
    ex = f'{ctx.dir}/exp_{tag}'
    r = ctx.run(gx('export', '-g', graph_json, '-f', 'gexf', '-f', 'graphml', '-f', 'json', '-f', 'csv', '-f', 'html', '-o', ex),
                label=f'export all formats ({tag})')
    if r.rc != 0:
        ctx.fail('other', f'export exited {r.rc}', tail(r))
    write(ctx.dir + '/checker.py', CHECKER)
    c = subprocess.run([PY, ctx.dir + '/checker.py', ex], capture_output=True, text=True, env=ENV, timeout=300)
    try:
        res = json.loads(c.stdout.strip().splitlines()[-1])
    except Exception:
        ctx.fail('other', 'checker failed', c.stderr[-500:])
        return
    bad = {k: v for k, v in res.items() if v != 'ok'}
    for k, v in bad.items():
        ctx.fail('other', f'{tag}: {k} fails on graphx\'s own export', v)
    ctx.note(f'{tag}: {len(res) - len(bad)}/{len(res)} reader checks ok')
    # the build's own graph.graphml too
    gm = os.path.join(os.path.dirname(graph_json), 'graph.graphml')
    if os.path.exists(gm):
        c2 = subprocess.run([PY, '-c', 'import sys,networkx as nx,igraph; nx.read_graphml(sys.argv[1]); igraph.Graph.Read_GraphML(sys.argv[1]); print("ok")', gm],
                            capture_output=True, text=True, env=ENV)
        if 'ok' not in c2.stdout:
            ctx.fail('other', f'{tag}: the build\'s own graph.graphml is rejected by networkx/igraph', c2.stderr.strip().splitlines()[-1][:300] if c2.stderr.strip() else '')


def forbidden_case(ctx, files, expect_replaced=True, allow_skip=False):
    src = ctx.dir + '/r'
    std_corpus(src)
    for name, data in files.items():
        p = os.fsencode(src) + b'/' + (name if isinstance(name, bytes) else name.encode('utf-8'))
        with open(p, 'wb') as f:
            f.write(data)
    out = ctx.dir + '/out'
    r = build(ctx, [src], out)
    ok = (0, 3) if allow_skip else (0,)
    if r.rc not in ok:
        ctx.fail('other' if os.path.exists(out + '/graph.json') else 'build-lost', f'build exit {r.rc}', tail(r))
        if not os.path.exists(out + '/graph.json'):
            return
    if r.rc == 3:
        sk = [l for l in r.err.splitlines() if l.startswith('skipped:')]
        ctx.note('skipped: ' + ' | '.join(sk)[:300])
    elif expect_replaced:
        rep = [l for l in both(r).splitlines() if re.search(r'replac', l, re.I)]
        if not rep:
            ctx.fail('other', 'build does not say it replaced (and count) the forbidden characters', tail(r))
        else:
            ctx.note('build says: ' + rep[0][:200])
    export_checks(ctx, out + '/graph.json', 'build')


@case('U+FFFE in a report (title, outlet, cited sentence): exports load in networkx/igraph/graphx', 'E exports')
def c_fffe(ctx):
    forbidden_case(ctx, {'x.txt': ("Title: Talks \ufffe here\nSource: Wire\ufffe\n\nPutin called Erdogan on Monday \ufffe. "
                                   "Assad fled to Moscow \ufffe.\n").encode('utf-8')})


@case('U+FFFF in a report (title, outlet, cited sentence)', 'E exports')
def c_ffff(ctx):
    forbidden_case(ctx, {'x.txt': ("Title: Talks \uffff here\nSource: Wire\uffff\n\nPutin called Erdogan on Monday \uffff. "
                                   "Assad fled to Moscow \uffff.\n").encode('utf-8')})


@case('Lone surrogate as CESU-8 bytes \\xed\\xa0\\x80 in a UTF-8 report (read with U+FFFD or skipped as invalid UTF-8)', 'E exports')
def c_surrogate_cesu(ctx):
    forbidden_case(ctx, {'x.txt': b"Title: Talks \xed\xa0\x80 here\n\nPutin called Erdogan on Monday \xed\xa0\x80. Assad fled to Moscow.\n"},
                   allow_skip=True)


@case('Lone surrogate (U+D800) in a UTF-16-LE report with BOM', 'E exports')
def c_surrogate_utf16(ctx):
    txt = "Title: Talks \ud800 here\n\nPutin called Erdogan on Monday \ud800. Assad fled to Moscow.\n"
    forbidden_case(ctx, {'x.txt': b'\xff\xfe' + txt.encode('utf-16-le', 'surrogatepass')}, allow_skip=True)


@case('U+FFFF in a file name (document id in every citation)', 'E exports')
def c_ffff_filename(ctx):
    forbidden_case(ctx, {'x\uffffy.txt': REPORT.encode()}, expect_replaced=False, allow_skip=True)


@case('graph.json (old build / hand edit) holding U+FFFE, U+FFFF and a lone surrogate escape: export json/csv/html/gexf/graphml', 'E exports')
def c_graph_forbidden(ctx):
    src = ctx.dir + '/r'
    std_corpus(src)
    out = ctx.dir + '/out'
    r = build(ctx, [src], out)
    must_ok(ctx, r, what='build')
    text = open(out + '/graph.json', encoding='utf-8').read()
    text = text.replace('"Bashar al-Assad"', '"Bashar \\ufffe al-Assad \\ud800"', 1)
    text = text.replace('"Assad fled to Moscow."', '"Assad fled \\uffff to Moscow \\udcff."')
    g2 = ctx.dir + '/g2'
    os.makedirs(g2)
    write(g2 + '/graph.json', text)
    export_checks(ctx, g2 + '/graph.json', 'edited')
    for cmd in (['edges', '--format', 'csv'], ['edges', '--format', 'json'], ['actors']):
        rr = ctx.run(gx(*cmd, '-g', g2 + '/graph.json'), label=' '.join(cmd) + ' (edited graph)')
        if rr.rc != 0:
            ctx.fail('other', f'{" ".join(cmd)} exited {rr.rc}', tail(rr))


def csv_check(ctx, texts, must_present=True):
    danger = []
    found = 0
    for where, t in texts.items():
        for row in csv.reader(io.StringIO(t)):
            for cell in row:
                if 'PWN' in cell:
                    found += 1
                    if cell[:1] in ('=', '+', '-', '@', '\t', '\r'):
                        danger.append(f'{where}: {cell[:60]!r}')
    if danger:
        ctx.fail('other', f'{len(danger)} CSV cell(s) start with a formula character', ' ; '.join(danger[:6]))
    if not found:
        if must_present:
            ctx.fail('other', 'payload not found in any CSV (cannot judge; the reports did not give edges?)')
        else:
            ctx.note('payload not present in the CSV at all')
    else:
        ctx.note(f'{found} cells carry the payload')


def csv_case(ctx, files, aliases=None, must_present=True):
    src = ctx.dir + '/r'
    os.makedirs(src)
    for n, t in files.items():
        write(f'{src}/{n}', t)
    out = ctx.dir + '/out'
    extra = []
    if aliases:
        write(ctx.dir + '/aliases.toml', aliases)
        extra = ['--aliases', ctx.dir + '/aliases.toml']
    r = build(ctx, [src], out, *extra)
    if not must_ok(ctx, r, what='build'):
        return
    ex = ctx.dir + '/csv'
    r2 = ctx.run(gx('export', '-g', out + '/graph.json', '-f', 'csv', '-o', ex), label='export -f csv')
    must_ok(ctx, r2, what='export csv')
    r3 = ctx.run(gx('edges', '-g', out + '/graph.json', '--format', 'csv'), label='edges --format csv')
    must_ok(ctx, r3, what='edges --format csv')
    texts = {}
    if os.path.isdir(ex):
        for n in os.listdir(ex):
            if n.endswith('.csv'):
                texts[n] = open(f'{ex}/{n}', encoding='utf-8', newline='').read()
    texts['stdout of edges --format csv'] = r3.out
    csv_check(ctx, texts, must_present)


LEAD = ['=', '+', '-', '@']


@case('CSV formula injection from report titles (= + - @)', 'E csv')
def c_csv_title(ctx):
    files = {f't{i}.txt': f"Title: {c}PWN{i}+1\nSource: Wire\n\n" + REPORT for i, c in enumerate(LEAD)}
    files['t9.txt'] = 'Title: =HYPERLINK("http://evil.example/PWN","x")\n\n' + REPORT
    csv_case(ctx, files, must_present=False)
    ctx.note('titles are in graph.json but the CSV tables have no title column')


@case('CSV formula injection from the outlet (Source:) (= + - @)', 'E csv')
def c_csv_source(ctx):
    files = {f's{i}.txt': f"Title: T{i}\nSource: {c}PWN{i}\n\n" + REPORT for i, c in enumerate(LEAD)}
    csv_case(ctx, files)


@case('CSV formula injection from the URL (= + - @)', 'E csv')
def c_csv_url(ctx):
    files = {f'u{i}.txt': f"Title: T{i}\nURL: {c}PWN{i}\n\n" + REPORT for i, c in enumerate(LEAD)}
    files['u9.txt'] = 'Title: T9\nURL: =HYPERLINK("http://evil.example/PWN")\n\n' + REPORT
    csv_case(ctx, files, must_present=False)


@case('CSV formula injection from the file name (=PWN.txt, +PWN.txt, -PWN.txt, @PWN.txt)', 'E csv')
def c_csv_filename(ctx):
    files = {f'{c}PWN{i}.txt': REPORT for i, c in enumerate(LEAD)}
    csv_case(ctx, files)


@case('CSV formula injection from the cited sentence (= + - @ and tab at the sentence start)', 'E csv')
def c_csv_sentence(ctx):
    files = {f'x{i}.txt': f"The talks went on. {c}PWN{i} Putin called Erdogan on Monday.\n\n{c}PWN Assad fled to Moscow.\n"
             for i, c in enumerate(LEAD + ['\t'])}
    csv_case(ctx, files)


@case('CSV formula injection from an alias-table label (--aliases: "=PWN Alpha", "+PWN Beta", ...)', 'E csv')
def c_csv_alias(ctx):
    names = ['Alpha', 'Beta', 'Gamma', 'Delta']
    al = ''
    body = ''
    for c, n in zip(LEAD, names):
        al += f'[actors.pwn_{n.lower()}]\nlabel = "{c}PWN {n}"\nkind = "person"\naliases = ["{n}man"]\n\n'
        body += f"{n}man called Putin on Monday. "
    csv_case(ctx, {'a.txt': body + "\n"}, aliases=al)


# ===== F. Time grows with the square =====

@case('Time for one report of 0.5 MB vs 1 MB of short lines (--model blank --no-cache); ratio must be < 2.6', 'F time')
def c_time(ctx):
    def make(path, size):
        lines = []
        n = 0
        i = 0
        while n < size:
            l = ("Putin called Erdogan on Monday.\n" if i % 50 == 0 else f"Line {i} of the wire log\n")
            lines.append(l)
            n += len(l)
            i += 1
        write(path, ''.join(lines))
    write(ctx.dir + '/t0/a.txt', REPORT)
    make(ctx.dir + '/t1/a.txt', 500_000)
    make(ctx.dir + '/t2/a.txt', 1_000_000)
    make(ctx.dir + '/t3/a.txt', 2_000_000)
    times = {}
    ext = {}

    def one(k, rep):
        r = build(ctx, [ctx.dir + '/' + k], ctx.dir + '/out_' + k, '--no-cache', '--max-bytes', '0',
                  label=f'build {k} (run {rep + 1})')
        must_ok(ctx, r, what=f'build {k}')
        times.setdefault(k, []).append(round(r.dur, 2))
        m = re.search(r'Read 1 document\(s\), [\d,]+ tokens in ([\d.]+)s', both(r))
        if m:
            ext.setdefault(k, []).append(float(m.group(1)))
    for rep in range(5):
        for k in ('t0', 't1', 't2'):
            one(k, rep)
    one('t3', 0)
    m = {k: min(v) for k, v in times.items()}
    e = {k: min(v) for k, v in ext.items()}
    raw = m['t2'] / m['t1']
    net = (m['t2'] - m['t0']) / max(0.01, m['t1'] - m['t0'])
    net2 = (m['t3'] - m['t0']) / max(0.01, m['t2'] - m['t0'])
    eraw = e['t2'] / e['t1'] if 't1' in e and 't2' in e else float('nan')
    enet = (e['t2'] - e.get('t0', 0)) / max(0.01, e['t1'] - e.get('t0', 0)) if 't1' in e and 't2' in e else float('nan')
    enet2 = (e['t3'] - e.get('t0', 0)) / max(0.01, e['t2'] - e.get('t0', 0)) if 't3' in e else float('nan')
    ctx.note(f'wall clock, best of 5: tiny report {m["t0"]:.1f}s, 0.5 MB {m["t1"]:.1f}s, 1 MB {m["t2"]:.1f}s -> '
             f'ratio 1MB/0.5MB raw {raw:.2f}, net of the tiny build {net:.2f}; 2 MB (1 run) {m["t3"]:.1f}s -> net 2MB/1MB {net2:.2f}')
    ctx.note(f'the build\'s own "Read ... in Xs" (extraction), best of 5: tiny {e.get("t0", 0):.2f}s, 0.5 MB {e.get("t1", 0):.2f}s, '
             f'1 MB {e.get("t2", 0):.2f}s, 2 MB {e.get("t3", 0):.2f}s -> ratio raw {eraw:.2f}, net {enet:.2f}; net 2MB/1MB {enet2:.2f}')
    ctx.note(f'all runs: wall {times}; extraction {ext}')
    ctx.metric = dict(times=times, extraction=ext, ratio_raw=raw, ratio_net=net, ratio_net_2mb_1mb=net2,
                      extraction_ratio_raw=eraw, extraction_ratio_net=enet, extraction_ratio_net_2mb_1mb=enet2)
    # Fixed costs (imports, pipeline construction, the page's fixed part) hide growth in the raw ratio, so
    # the verdict uses the ratios net of a one-sentence build: wall clock, and the build's own extraction time.
    if net >= 2.6 or enet >= 2.6:
        ctx.fail('other', f'1 MB / 0.5 MB time ratio net of fixed costs >= 2.6: wall clock {net:.2f}, extraction {enet:.2f} '
                 f'(raw wall-clock ratio {raw:.2f}; 2 MB / 1 MB net: wall {net2:.2f}, extraction {enet2:.2f})')


# ===== G. Config and graph files =====

def config_refusal(ctx, r, what):
    if r.hang:
        return
    if r.rc == 0:
        ctx.fail('other', f'{what}: accepted (exit 0)', tail(r))
    elif r.rc != 1:
        ctx.fail('other', f'{what}: exit {r.rc}, expected 1', tail(r))
    el = [l for l in r.err.splitlines() if l.startswith('Error')]
    if not el:
        ctx.fail('other', f'{what}: no one-line "Error: ..." message', tail(r))
    else:
        ctx.note(el[0][:250])


@case('--aliases /dev/zero', 'G config')
def c_devzero(ctx):
    std_corpus(ctx.dir + '/r')
    r = build(ctx, [ctx.dir + '/r'], ctx.dir + '/out', '--aliases', '/dev/zero')
    config_refusal(ctx, r, '--aliases /dev/zero')
    ctx.note(f'took {r.dur:.1f}s')


@case('--aliases is a named pipe (nobody writes)', 'G config')
def c_fifo_aliases(ctx):
    std_corpus(ctx.dir + '/r')
    os.mkfifo(ctx.dir + '/fifo.toml')
    r = build(ctx, [ctx.dir + '/r'], ctx.dir + '/out', '--aliases', ctx.dir + '/fifo.toml')
    config_refusal(ctx, r, '--aliases FIFO')


@case('--lexicon is a named pipe', 'G config')
def c_fifo_lexicon(ctx):
    std_corpus(ctx.dir + '/r')
    os.mkfifo(ctx.dir + '/fifo.toml')
    r = build(ctx, [ctx.dir + '/r'], ctx.dir + '/out', '--lexicon', ctx.dir + '/fifo.toml')
    config_refusal(ctx, r, '--lexicon FIFO')


@case('eval with a named pipe as the gold file', 'G config')
def c_fifo_gold(ctx):
    std_corpus(ctx.dir + '/r')
    os.mkfifo(ctx.dir + '/gold.toml')
    r = ctx.run(gx('eval', ctx.dir + '/gold.toml', ctx.dir + '/r', '--model', 'blank'), label='eval <fifo>')
    config_refusal(ctx, r, 'eval FIFO gold')


DEEP = '[' * 5000 + ']' * 5000


@case('--aliases TOML nested 5,000 deep', 'G config')
def c_deep_aliases(ctx):
    std_corpus(ctx.dir + '/r')
    write(ctx.dir + '/deep.toml', f'[actors.zed]\nlabel = "Zed"\nkind = "person"\nnote = {DEEP}\n')
    r = build(ctx, [ctx.dir + '/r'], ctx.dir + '/out', '--aliases', ctx.dir + '/deep.toml')
    config_refusal(ctx, r, 'deep --aliases')


@case('--lexicon TOML nested 5,000 deep', 'G config')
def c_deep_lexicon(ctx):
    std_corpus(ctx.dir + '/r')
    write(ctx.dir + '/deep.toml', f'language = "en"\nx = {DEEP}\n')
    r = build(ctx, [ctx.dir + '/r'], ctx.dir + '/out', '--lexicon', ctx.dir + '/deep.toml')
    config_refusal(ctx, r, 'deep --lexicon')


@case('--corrections TOML nested 5,000 deep', 'G config')
def c_deep_corr(ctx):
    std_corpus(ctx.dir + '/r')
    write(ctx.dir + '/deep.toml', f'[[reject]]\nsource = "Putin"\ntype = "contacted"\ntarget = "Erdogan"\nwhy = {DEEP}\n')
    r = build(ctx, [ctx.dir + '/r'], ctx.dir + '/out', '--corrections', ctx.dir + '/deep.toml')
    config_refusal(ctx, r, 'deep --corrections')


@case('eval gold TOML nested 5,000 deep', 'G config')
def c_deep_gold(ctx):
    std_corpus(ctx.dir + '/r')
    write(ctx.dir + '/deep.toml', f'[[edge]]\ndoc = "b.txt"\nsource = "Putin"\ntype = "contacted"\ntarget = "Erdogan"\nsentence = {DEEP}\nexplicit = true\n')
    r = ctx.run(gx('eval', ctx.dir + '/deep.toml', ctx.dir + '/r', '--model', 'blank'), label='eval deep gold')
    config_refusal(ctx, r, 'deep gold')


@case('--aliases a 33 MB regular file (bounded: refused before reading)', 'G config')
def c_huge_aliases(ctx):
    std_corpus(ctx.dir + '/r')
    line = '# ' + 'x' * 98 + '\n'
    with open(ctx.dir + '/huge.toml', 'w') as f:
        for _ in range(33 * 1024 * 1024 // 100 + 10):
            f.write(line)
    r = build(ctx, [ctx.dir + '/r'], ctx.dir + '/out', '--aliases', ctx.dir + '/huge.toml')
    config_refusal(ctx, r, 'huge --aliases')
    ctx.note(f'took {r.dur:.1f}s')


def relpath_setup(ctx):
    proj = ctx.dir + '/proj'
    os.makedirs(proj + '/cfg')
    write(proj + '/cfg/mine.toml', '[actors.zedtown]\nlabel = "Zedtown"\nkind = "place"\nlocated_in = "russia"\naliases = ["Zedtown"]\n')
    write(proj + '/r/a.txt', HEADER + REPORT)
    write(proj + '/r/b.txt', "Assad fled to Tehran on Sunday.\n")
    write(proj + '/r/c.txt', "Assad fled to Zedtown on Sunday.\n")
    shutil.copy(SNAP + '/graphx/data/relations.toml', proj + '/cfg/rel.toml')
    write(proj + '/cfg/corr.toml', '[[reject]]\nsource = "Lavrov"\ntype = "contacted"\ntarget = "Fidan"\nby = "me"\n'
          'date = 2025-01-10\nwhy = "test"\n')
    r = build(ctx, ['r'], 'out', '--aliases', 'cfg/mine.toml', '--lexicon', 'cfg/rel.toml', '--corrections', 'cfg/corr.toml',
              cwd=proj, label='build r -o out --aliases cfg/mine.toml --lexicon cfg/rel.toml --corrections cfg/corr.toml (relative, from proj/)')
    must_ok(ctx, r, what='build')
    return proj


@case('graph.json stores --aliases paths absolute (built with a relative path)', 'G graph files')
def c_rel_stored(ctx):
    proj = relpath_setup(ctx)
    g = load_graph(proj + '/out/graph.json')
    af = g['graph'].get('alias_files')
    ctx.note(f'graph.alias_files = {af!r}')
    if not af or not all(os.path.isabs(str(x if isinstance(x, str) else x.get('path', ''))) for x in af):
        ctx.fail('other', f'alias paths not stored absolute: {af!r}')


@case('graph.json stores the --lexicon path absolute (given relative)', 'G graph files')
def c_rel_stored_lex(ctx):
    proj = relpath_setup(ctx)
    g = load_graph(proj + '/out/graph.json')
    lf = g['graph'].get('lexicon_files')
    ctx.note(f'graph.lexicon_files = {lf!r}')
    if not lf or not all(os.path.isabs(str(x if isinstance(x, str) else x.get('path', ''))) for x in lf):
        ctx.fail('other', f'lexicon paths not stored absolute: {lf!r}')


@case('graph.json stores the --corrections path absolute (given relative)', 'G graph files')
def c_rel_stored_corr(ctx):
    proj = relpath_setup(ctx)
    g = load_graph(proj + '/out/graph.json')
    keys = {k: v for k, v in g['graph'].items() if 'correction' in k and isinstance(v, str)}
    ctx.note(f'graph keys holding the corrections path: {keys!r}')
    bad = {k: v for k, v in keys.items() if v and not os.path.isabs(v)}
    if bad:
        ctx.fail('other', f'corrections path stored as given (relative) in graph.json: {bad!r}', json.dumps(bad))
    if not keys:
        ctx.note('no corrections path in graph.json')


@case('`graphx conflicts` run from another folder (graph built with a relative --aliases)', 'G graph files')
def c_rel_conflicts(ctx):
    proj = relpath_setup(ctx)
    base = ctx.run(gx('conflicts', '-g', 'out/graph.json'), cwd=proj, label='conflicts (from proj/)')
    other = ctx.dir + '/elsewhere'
    r = ctx.run(gx('conflicts', '-g', proj + '/out/graph.json'), cwd=other, label='conflicts (from another folder)')
    if r.rc != 0:
        ctx.fail('other', f'conflicts from another folder exited {r.rc}', tail(r))
    elif r.out != base.out:
        ctx.fail('other', 'conflicts output differs when run from another folder', r.out[:300])
    ctx.note('conflicts: ' + r.out.strip().splitlines()[0][:150] if r.out.strip() else 'no output')


@case('`graphx export -f html` run from another folder (graph built with a relative --aliases)', 'G graph files')
def c_rel_export(ctx):
    proj = relpath_setup(ctx)
    other = ctx.dir + '/elsewhere'
    r = ctx.run(gx('export', '-g', proj + '/out/graph.json', '-f', 'html', '-o', other + '/x'), cwd=other, label='export -f html (from another folder)')
    if r.rc != 0 or not os.path.exists(other + '/x/graph.html'):
        ctx.fail('other', f'export -f html from another folder failed (exit {r.rc})', tail(r))


@case("A graph.json from someone else listing paths (alias_files, lexicon_files, corrections): no command opens them (strace)", 'G graph files')
def c_foreign_graph(ctx):
    src = ctx.dir + '/r'
    std_corpus(src)
    out = ctx.dir + '/out'
    r = build(ctx, [src], out)
    must_ok(ctx, r, what='build')
    g = load_graph(out + '/graph.json')
    canary = ctx.dir + '/secret/CANARY_private.toml'
    write(canary, '# private\n')
    for k in ('alias_files', 'lexicon_files'):
        g['graph'][k] = [canary]
    g['graph']['corrections_file'] = canary
    g['graph']['aliases_path'] = canary
    gd = ctx.dir + '/theirs'
    os.makedirs(gd)
    write(gd + '/graph.json', json.dumps(g))
    gp = gd + '/graph.json'
    cmds = [['actors', '-g', gp], ['edges', '-g', gp], ['path', 'Assad', 'Moscow', '-g', gp], ['conflicts', '-g', gp],
            ['export', '-g', gp, '-f', 'html', '-f', 'gexf', '-f', 'csv', '-o', ctx.dir + '/exp'],
            ['corroboration', '-g', gp], ['route', 'Assad', '-g', gp]]
    opened = []
    for cmd in cmds + [['shell', gp, '--plain']]:
        logf = ctx.dir + '/strace_' + cmd[0] + '.log'
        rr = ctx.run(['strace', '-f', '-qq', '-o', logf, '-e', 'trace=open,openat,openat2,stat,newfstatat,statx,access'] + gx(*cmd),
                     label=' '.join(cmd[:2]), stdin_data='print(len(G))\n' if cmd[0] == 'shell' else None)
        if rr.rc not in (0, 1):
            ctx.note(f'{cmd[0]} exited {rr.rc}: {tail(rr, 2)}')
        with open(logf, errors='replace') as f:
            hits = [l.strip() for l in f if 'CANARY_private' in l]
        opens = [h for h in hits if re.search(r'\bopen(at2?)?\(', h)]
        if opens:
            opened.append(f'{cmd[0]}: {opens[0][:160]}')
        elif hits:
            ctx.note(f'{cmd[0]} does not open the listed path but stats it: {hits[0][:160]}')
    if opened:
        ctx.fail('other', f'{len(opened)} command(s) opened a path listed in the foreign graph.json', ' ; '.join(opened)[:600])


# ===== H. Hand-edited graph.json x commands =====

def base_graph():
    d = W + '/basegraph'
    if os.path.exists(d + '/out/graph.json'):
        return d + '/out/graph.json'
    std_corpus(d + '/r')
    subprocess.run(gx('build', d + '/r', '-o', d + '/out', '--model', 'blank', '-q'), env=ENV, cwd=W, check=True,
                   capture_output=True)
    return d + '/out/graph.json'


def edited_graph(kind, dest):
    text = open(base_graph(), encoding='utf-8').read()
    g = json.loads(text)
    if kind == 'label-list':
        g['nodes'][0]['label'] = ['Bashar', 'al-Assad']
        s = json.dumps(g)
    elif kind == 'graph-string':
        g['graph'] = 'not a mapping'
        s = json.dumps(g)
    elif kind == 'weight-NaN':
        for e in g['edges']:
            e['weight'] = float('nan')
        s = json.dumps(g)
    elif kind == 'weight-1e400':
        for e in g['edges']:
            e['weight'] = 123456789
        s = json.dumps(g).replace('"weight": 123456789', '"weight": 1e400')
    elif kind == 'deep-nesting':
        g['graph']['deep'] = 'DEEP_PLACEHOLDER'
        s = json.dumps(g).replace('"DEEP_PLACEHOLDER"', '[' * 100000 + ']' * 100000)
    elif kind == 'citations-string':
        for e in g['edges']:
            e['citations'] = 'not a list'
        s = json.dumps(g)
    os.makedirs(dest, exist_ok=True)
    write(dest + '/graph.json', s)
    return dest + '/graph.json'


HAND_KINDS = ['label-list', 'graph-string', 'weight-NaN', 'weight-1e400', 'deep-nesting', 'citations-string']
HAND_DESC = {'label-list': 'a list as an actor label', 'graph-string': '`graph` a string',
             'weight-NaN': 'NaN edge weights', 'weight-1e400': '10^400 edge weights',
             'deep-nesting': 'a value nested 100,000 deep', 'citations-string': 'an edge\'s citations a string'}
HAND_CMDS = ['actors', 'edges', 'path', 'conflicts', 'export', 'shell']


def hand_case(kind, cmd):
    def fn(ctx):
        gp = edited_graph(kind, ctx.dir + '/g')
        if cmd == 'actors':
            args = ['actors', '-g', gp]
        elif cmd == 'edges':
            args = ['edges', '-g', gp]
        elif cmd == 'path':
            args = ['path', 'Assad', 'Moscow', '-g', gp]
        elif cmd == 'conflicts':
            args = ['conflicts', '-g', gp]
        elif cmd == 'export':
            args = ['export', '-g', gp, '-f', 'gexf', '-f', 'csv', '-f', 'html', '-o', ctx.dir + '/exp']
        else:
            args = ['shell', gp, '--plain']
        r = ctx.run(gx(*args), label=' '.join(args[:1] + args[1:2] if cmd != 'path' else args[:3]),
                    stdin_data='print(len(G))\n' if cmd == 'shell' else None)
        el = [l for l in r.err.splitlines() if l.strip()]
        if r.hang:
            return
        if r.rc == 0:
            ctx.fail('other', f'{cmd} accepted the bad graph (exit 0) instead of one clear error', tail(r, 3))
        elif not re.search(r'Error: .*graph\.json', r.err):
            ctx.fail('other', f'exit {r.rc} without one "Error: graph.json: ..." line', tail(r, 3))
        else:
            ctx.note(' | '.join(el)[:250])
            m = re.search(r'\((TypeError|KeyError|AttributeError|IndexError|RecursionError|OverflowError): [^)]*', r.err)
            if m:
                ctx.fail('other', 'the graph is not validated: an internal Python exception\'s text is shown instead of '
                         'a message naming the bad attribute', [l for l in el if m.group(1) in l][0][:300])
            if len(el) > 2 and cmd != 'shell':
                ctx.fail('other', f'{len(el)} stderr lines, expected one', tail(r, 4))
    return fn


for _k in HAND_KINDS:
    for _c in HAND_CMDS:
        case(f'Hand-edited graph.json ({HAND_DESC[_k]}) -> `graphx {_c}`', 'H hand-edited graph')(hand_case(_k, _c))


# ===== I. Scores that lie =====

GOLD_OK = '''[[edge]]
doc = "b.txt"
source = "Putin"
type = "contacted"
target = "Erdogan"
sentence = "Putin called Erdogan on Monday."
explicit = true
'''


def eval_run(ctx, gold, extra=()):
    std_corpus(ctx.dir + '/r')
    write(ctx.dir + '/gold.toml', gold)
    return ctx.run(gx('eval', ctx.dir + '/gold.toml', ctx.dir + '/r', '--model', 'blank', *extra), label='eval gold.toml r')


@case('eval with an empty gold file', 'I eval')
def c_eval_empty(ctx):
    r = eval_run(ctx, '')
    if r.rc == 0 or re.search(r'1\.00', r.out):
        ctx.fail('other', f'empty gold scored (exit {r.rc})', tail(r))
    ctx.note(tail(r, 2))


@case('eval with gold edges only in another language (--lang ar, gold all en)', 'I eval')
def c_eval_lang_none(ctx):
    r = eval_run(ctx, GOLD_OK.replace('explicit = true', 'explicit = true\nlang = "en"'), ['--lang', 'ar'])
    if r.rc == 0 or re.search(r'1\.00', r.out):
        ctx.fail('other', f'nothing to score, yet scored (exit {r.rc})', tail(r))
    ctx.note(tail(r, 2))


@case('eval: a gold edge whose document is not in the corpus', 'I eval')
def c_eval_missing_doc(ctx):
    r = eval_run(ctx, GOLD_OK + GOLD_OK.replace('b.txt', 'missing_report.txt'))
    if 'missing_report.txt' not in r.err and 'missing_report.txt' not in r.out:
        ctx.fail('other', 'gold document not in the corpus is dropped silently (not named)', tail(r))
    else:
        ctx.note([l for l in both(r).splitlines() if 'missing_report' in l][0][:200])


@case('eval: a gold edge with an unknown relation type', 'I eval')
def c_eval_unknown_type(ctx):
    r = eval_run(ctx, GOLD_OK + GOLD_OK.replace('contacted', 'teleported'))
    if not [l for l in r.err.splitlines() if 'teleported' in l and 'warn' in l.lower()]:
        ctx.fail('other', 'unknown relation type accepted silently', tail(r))
    else:
        ctx.note([l for l in r.err.splitlines() if 'teleported' in l][0][:200])


@case('eval: wrong-typed field (explicit = "yes")', 'I eval')
def c_eval_type_explicit(ctx):
    r = eval_run(ctx, GOLD_OK.replace('explicit = true', 'explicit = "yes"'))
    config_refusal(ctx, r, 'explicit="yes"')


@case('eval: wrong-typed field (source = 42, sentence = [1, 2])', 'I eval')
def c_eval_type_source(ctx):
    r = eval_run(ctx, GOLD_OK.replace('source = "Putin"', 'source = 42').replace('sentence = "Putin called Erdogan on Monday."', 'sentence = [1, 2]'))
    config_refusal(ctx, r, 'source=42')


# ===== J. Smaller =====

BIDI_JS = r'''
() => {
  const RLO = '\u202e';
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let n;
  while ((n = walker.nextNode())) {
    const t = n.data;
    let i = t.indexOf(RLO);
    while (i >= 0) {
      let iso = false;
      const before = t.slice(0, i), after = t.slice(i + 1);
      const opens = Math.max(before.lastIndexOf('\u2066'), before.lastIndexOf('\u2067'), before.lastIndexOf('\u2068'));
      if (opens >= 0 && before.lastIndexOf('\u2069') < opens && after.indexOf('\u2069') >= 0) iso = true;
      const el = n.parentElement;
      if (!iso && el && (el.tagName === 'BDI' || el.hasAttribute('dir')) && el.childNodes.length === 1) iso = true;
      const inData = el && (el.tagName === 'SCRIPT' || el.tagName === 'STYLE' || el.tagName === 'TEXTAREA');
      if (!inData) out.push({iso, tag: el ? el.tagName : '?', cls: el ? el.className : '', text: t.slice(Math.max(0, i - 30), i + 30),
                             parentText: el && el.parentElement ? el.parentElement.textContent.slice(0, 80) : ''});
      i = t.indexOf(RLO, i + 1);
    }
  }
  return out;
}
'''


@case('Unterminated U+202E in an alias label: every place the label is shown in graph.html is a bidi isolate', 'J smaller')
def c_rlo(ctx):
    al = '[actors.zed_rlo]\nlabel = "Zed\\u202ECorp"\nkind = "organisation"\naliases = ["Zedcorp"]\n'
    write(ctx.dir + '/al.toml', al)
    write(ctx.dir + '/r/a.txt', HEADER + "Zedcorp called Putin on Monday. Zedcorp met Erdogan in Doha.\n" + REPORT)
    out = ctx.dir + '/out'
    r = build(ctx, [ctx.dir + '/r'], out, '--aliases', ctx.dir + '/al.toml')
    if not must_ok(ctx, r, what='build'):
        return
    html = open(out + '/graph.html', encoding='utf-8').read()
    # static: each occurrence of the RLO in the page's data
    occ = [m.start() for m in re.finditer(r'\\u202[eE]|\u202e', html)]
    stat_bad = []
    for i in occ:
        seg_start = html.rfind('"', 0, i)
        seg_end = html.find('"', i)
        seg = html[seg_start:seg_end]
        pre = seg[:i - seg_start]
        if not (re.search(r'(\\u2068|\u2068)[^"]*$', pre) and re.search(r'\\u2069|\u2069', seg[i - seg_start:])):
            stat_bad.append(seg[:80])
    ctx.note(f'static: {len(occ)} occurrences of U+202E in the page data, {len(occ) - len(stat_bad)} inside U+2068..U+2069')
    # dynamic: open the actor card and its edges in headless chromium
    js = r'''
import sys, json
from playwright.sync_api import sync_playwright
path, js = sys.argv[1], open(sys.argv[2]).read()
res = {}
with sync_playwright() as p:
    b = p.chromium.launch(executable_path='/usr/bin/chromium', args=['--no-sandbox'])
    pg = b.new_page()
    errs = []
    pg.on('pageerror', lambda e: errs.append(str(e)))
    pg.goto('file://' + path)
    pg.wait_for_function('window.graphxReady === true || !!window.graphxReadyAt', timeout=60000)
    res['load'] = pg.evaluate(js)
    views = []
    try:
        pg.evaluate("window.graphxShowNode('zed_rlo')")
        views.append(('node', pg.evaluate(js)))
    except Exception as e:
        res['node_err'] = str(e)[:200]
    edges = pg.evaluate("(() => { const es = (window.graphxData || {}).edges || {}; return Object.keys(es).filter(k => es[k].source === 'zed_rlo' || es[k].target === 'zed_rlo'); })()")
    for eid in edges or []:
        try:
            pg.evaluate("id => window.graphxShowEdge(id)", eid)
            views.append(('edge ' + str(eid), pg.evaluate(js)))
        except Exception as e:
            res.setdefault('edge_err', str(e)[:200])
    try:
        pg.fill('#gx-search', 'Zedcorp'); pg.press('#gx-search', 'Enter')
        views.append(('search', pg.evaluate(js)))
    except Exception as e:
        res['search_err'] = str(e)[:200]
    res['views'] = views
    res['edges'] = edges
    res['errors'] = errs
    b.close()
print(json.dumps(res))
'''
    write(ctx.dir + '/pw.py', js)
    write(ctx.dir + '/bidi.js', BIDI_JS)
    c = subprocess.run([PY, ctx.dir + '/pw.py', out + '/graph.html', ctx.dir + '/bidi.js'], capture_output=True, text=True,
                       env=ENV, timeout=300)
    try:
        res = json.loads(c.stdout.strip().splitlines()[-1])
    except Exception:
        if stat_bad:
            ctx.fail('other', f'{len(stat_bad)} occurrence(s) of the label in the page data not inside U+2068..U+2069, and no browser check',
                     ' ; '.join(stat_bad[:3]))
        else:
            raise Skip('browser check failed: ' + c.stderr[-300:])
        return
    shown = [('load', x) for x in res.get('load', [])] + [(v, x) for v, xs in res.get('views', []) for x in xs]
    notiso = [(v, x) for v, x in shown if not x['iso']]
    ctx.note(f'browser: {len(shown)} visible text node(s) holding U+202E over views '
             f'{["load"] + [v for v, _ in res.get("views", [])]}; {len(notiso)} not isolated; '
             f'errors {res.get("node_err") or ""} {res.get("edge_err") or ""} {res.get("search_err") or ""}')
    if not shown:
        ctx.note('the label was not displayed by any view: isolation not observable')
        if res.get('node_err') or not res.get('views'):
            raise Skip('could not open the actor card in the browser: ' + str(res.get('node_err'))[:200])
    for v, x in notiso[:5]:
        ctx.fail('other', f'label with U+202E shown without isolation ({v}, <{x["tag"]} class={x["cls"]!r}>)',
                 json.dumps(x['text']) + ' in ' + json.dumps(x['parentText']))


@case('CR-only line endings (old Mac file): header and the first sentence\'s edge kept', 'J smaller')
def c_cr_only(ctx):
    txt = ("Title: CRTITLE talks\rSource: CRSOURCE\rDate: 2024-12-08\r\rPutin called Erdogan on Monday.\r"
           "Assad fled to Moscow.\rLavrov met Fidan in Doha.\r")
    write(ctx.dir + '/r/cr.txt', txt)
    out = ctx.dir + '/out'
    r = build(ctx, [ctx.dir + '/r'], out)
    if not must_ok(ctx, r, what='build'):
        return
    g = load_graph(out + '/graph.json')
    es = edge_set(g)
    if ('vladimir_putin', 'contacted', 'recep_tayyip_erdogan') not in es:
        ctx.fail('other', f'first sentence\'s edge lost; edges: {sorted(es)}')
    cits = [c for e in g['edges'] for c in e['citations']]
    titles = {c.get('title') for c in cits}
    outlets = {c.get('outlet') for c in cits}
    if not any('CRTITLE' in (t or '') for t in titles) or 'CRSOURCE' not in outlets:
        ctx.fail('other', f'header lost: titles {titles}, outlets {outlets}')
    if any('CRTITLE' in (c.get('text') or '') for c in cits):
        ctx.fail('other', 'header text taken as a sentence')


@case('Foreign SQLite database behind a symlinked cache path: not switched to WAL, not altered', 'J smaller')
def c_foreign_sqlite(ctx):
    std_corpus(ctx.dir + '/r')
    foreign = ctx.dir + '/precious/app.db'
    os.makedirs(os.path.dirname(foreign))
    con = sqlite3.connect(foreign)
    con.execute('create table customers (id integer primary key, name text)')
    con.executemany('insert into customers(name) values (?)', [('alice',), ('bob',)])
    con.commit()
    con.close()
    h0 = sha(foreign)
    out = ctx.dir + '/out'
    os.makedirs(out)
    os.symlink(foreign, out + '/.graphx-cache.sqlite')
    r = build(ctx, [ctx.dir + '/r'], out)
    if r.rc != 0:
        ctx.fail('other', f'build exit {r.rc}', tail(r))
    if not os.path.exists(foreign):
        ctx.fail('other', 'the foreign database was deleted')
        return
    with open(foreign, 'rb') as f:
        hdr = f.read(20)
    ctx.note(f'foreign db header write/read version bytes: {hdr[18]}/{hdr[19]} (2 = WAL); changed: {sha(foreign) != h0}; '
             f'-wal file: {os.path.exists(foreign + "-wal")}')
    if hdr[18] == 2 or hdr[19] == 2:
        ctx.fail('other', 'the foreign database was switched to WAL')
    if sha(foreign) != h0:
        ctx.fail('other', 'the foreign database was modified')
    if os.path.exists(foreign + '-wal') or os.path.exists(foreign + '-shm'):
        ctx.fail('other', 'WAL/SHM files created next to the foreign database')
    w = [l for l in both(r).splitlines() if 'cache' in l.lower()]
    ctx.note('output: ' + ' | '.join(w)[:250])


# ---------------------------------------------------------------- main

def parse_sel(argv):
    sel = set()
    for a in argv:
        if '-' in a:
            x, y = a.split('-')
            sel |= set(range(int(x), int(y) + 1))
        else:
            sel.add(int(a))
    return sel


def main():
    os.makedirs(W, exist_ok=True)
    sel = parse_sel(sys.argv[1:])
    old = {}
    if sel and os.path.exists(RESULTS_PATH):
        try:
            old = {c['num']: c for c in json.load(open(RESULTS_PATH))['cases']}
        except Exception:
            old = {}
    results = dict(old)
    for num, (name, group, fn) in enumerate(CASES, 1):
        if sel and num not in sel:
            continue
        ctx = Ctx(num, name, group)
        t0 = time.time()
        status = None
        try:
            fn(ctx)
        except Skip as s:
            status = 'SKIPPED'
            ctx.note(str(s))
        except Exception:
            status = 'SCRIPT-ERROR'
            ctx.note(traceback.format_exc()[-1500:])
        if status is None:
            status = 'FAIL' if ctx.fails else 'PASS'
        cats = sorted({f['category'] for f in ctx.fails})
        rec = dict(num=num, case=name, group=group, result=status, categories=cats, failures=ctx.fails,
                   notes=ctx.notes, seconds=round(time.time() - t0, 1))
        if hasattr(ctx, 'metric'):
            rec['metric'] = ctx.metric
        results[num] = rec
        print(f'[{num:3d}] {status:12s} {",".join(cats):30s} {name[:90]}  ({rec["seconds"]}s)', flush=True)
        for f in ctx.fails:
            print(f'        - {f["category"]}: {f["message"]} :: {f["excerpt"][:300]}', flush=True)
        for n in ctx.notes:
            print(f'        . {n[:300]}', flush=True)
        save(results)
    save(results)
    summary(results)


def save(results):
    cases = [results[k] for k in sorted(results)]
    tot = dict(cases=len(cases), PASS=0, FAIL=0, SKIPPED=0, SCRIPT_ERROR=0)
    per = {c: 0 for c in ('traceback', 'build-lost', 'false-data', 'orphan', 'hang', 'other')}
    for c in cases:
        tot[c['result'].replace('-', '_')] = tot.get(c['result'].replace('-', '_'), 0) + 1
        for k in c['categories']:
            per[k] = per.get(k, 0) + 1
    with open(RESULTS_PATH + '.tmp', 'w') as f:
        json.dump(dict(tool=SNAP, totals=tot, failed_cases_per_category=per, cases=cases), f, indent=1, ensure_ascii=False)
    os.replace(RESULTS_PATH + '.tmp', RESULTS_PATH)


def summary(results):
    d = json.load(open(RESULTS_PATH))
    print(json.dumps(d['totals']), json.dumps(d['failed_cases_per_category']))


if __name__ == '__main__':
    main()
