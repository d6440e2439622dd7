#!/usr/bin/env python3
"""Moves TypeScript files and rewrites every relative import that points at them.
usage: scripts/move.py OLD=NEW ... (paths from the repo root). Run from the root."""
import os, re, subprocess, sys

moves = dict(arg.split('=', 1) for arg in sys.argv[1:])
roots = ['src', 'test', 'bench']
files = [os.path.join(d, f) for r in roots for d, _, fs in os.walk(r) if 'node_modules' not in d and '.work' not in d
         for f in fs if f.endswith(('.ts', '.tsx', '.mjs'))]
SPEC = re.compile(r"""((?:from|import|mock)\s*\(?\s*)(['"])(\.{1,2}/[^'"]+)\2""")

def resolve(src_file, spec):
    base = os.path.normpath(os.path.join(os.path.dirname(src_file), spec))
    for cand in (base, re.sub(r'\.js$', '.ts', base), re.sub(r'\.js$', '.tsx', base)):
        if os.path.isfile(cand):
            return cand, base
    return None, base

def new_of(path):
    return moves.get(path, path)

def respec(from_file, target, old_spec):
    rel = os.path.relpath(target, os.path.dirname(from_file))
    if not rel.startswith('.'):
        rel = './' + rel
    if old_spec.endswith('.js') and target.endswith(('.ts', '.tsx')):
        rel = re.sub(r'\.tsx?$', '.js', rel)
    return rel

edits = {}
for f in files:
    text = open(f).read()
    new_f = new_of(f)
    def sub(m):
        target, _ = resolve(f, m.group(3))
        if target is None:
            return m.group(0)
        return m.group(1) + m.group(2) + respec(new_f, new_of(target), m.group(3)) + m.group(2)
    out = SPEC.sub(sub, text)
    if out != text:
        edits[f] = out
for f, text in edits.items():
    open(f, 'w').write(text)
for old, new in moves.items():
    os.makedirs(os.path.dirname(new), exist_ok=True)
    subprocess.check_call(['git', 'mv', old, new])
print(f'moved {len(moves)}, rewrote {len(edits)} files')
