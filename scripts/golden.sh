#!/usr/bin/env bash
# Writes the journal and both reports of every test/answers drill and of the bench's 1k and 10k
# scenarios into DIR, so that two trees of drill can be compared byte for byte (`diff -r A B`).
# Used while refactoring: a change that should not change behaviour leaves these files identical.
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/golden.sh DIR}
rm -rf "$out"; mkdir -p "$out"
start=2026-01-15T14:00:00Z
for answers in test/answers/*.yaml; do
  name=$(basename "$answers" .yaml)
  id=${name%%.*}
  scenario=scenarios/$id.yaml
  [ -f "$scenario" ] || scenario=test/fixtures/$id.yaml
  node bin/drill.js run "$scenario" --answers "$answers" --seed 1 --start $start --out "$out/$name" >/dev/null 2>"$out/$name.stderr" || echo "exit $?" >>"$out/$name.stderr"
done
node -e "import('./bench/generate.mjs').then((m) => m.generateAll())"
for n in 1000 10000; do
  node bin/drill.js run bench/.work/scenario-$n.yaml --answers bench/.work/answers-$n.yaml --seed 1 --start $start --out "$out/bench-$n" >/dev/null 2>"$out/bench-$n.stderr"
done
# What validate says of every hostile and broken file, and of the library.
for f in test/fixtures/hostile/* test/hostile/scenarios/* test/hostile/accepted/* scenarios/*.yaml; do
  [ -f "$f" ] || continue
  echo "== $f" >>"$out/validate.txt"
  node bin/drill.js validate "$f" >>"$out/validate.txt" 2>&1 || echo "exit $?" >>"$out/validate.txt"
done
echo "golden: $(find "$out" -type f | wc -l) files in $out"
