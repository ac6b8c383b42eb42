#!/usr/bin/env python3
"""Scores topic assignment against the blind sample in tests/fixtures/topics/.

usage: python3 scripts/score-topics.py [--bin PATH] [--seen] [-v]

answers.json holds the topics a reader who saw neither the matcher nor its output gave each of
the 120 sessions of sessions.json (from their titles and abstracts). The sessions are found again
by id in `confgraph extract --format json` over the bundled notes and the fixture files, and the
topics confgraph gives them are compared: micro precision and recall over (session, topic) pairs,
and the share of sessions with an abstract that get no topic.

The reader saw titles and abstracts only (the extract JSON carries no notes), so `--seen` also
scores only the topics confgraph found with some evidence in the title or abstract: the part of the
answer the reader could judge.
"""
import glob
import json
import subprocess
import sys

ROOT = __file__.rsplit("/scripts/", 1)[0]


def extract(binary, paths):
    out = subprocess.run([binary, "extract", "--format", "json", *paths], capture_output=True, text=True, cwd=ROOT)
    try:
        return json.loads(out.stdout)["sessions"]
    except (ValueError, KeyError):
        return []


def main():
    args = sys.argv[1:]
    binary = f"{ROOT}/target/release/confgraph"
    if "--bin" in args:
        binary = args[args.index("--bin") + 1]
    verbose = "-v" in args
    seen_only = "--seen" in args
    sample = json.load(open(f"{ROOT}/tests/fixtures/topics/sessions.json"))
    expected = json.load(open(f"{ROOT}/tests/fixtures/topics/answers.json"))["sessions"]
    wanted = {s["id"] for s in sample}
    found = {}
    sources = [["notes"]] + [[f] for f in sorted(glob.glob(f"{ROOT}/tests/fixtures/**/*.*", recursive=True))
                              if f.endswith((".md", ".txt")) and ".expected." not in f and "/topics/" not in f]
    for paths in sources:
        for s in extract(binary, paths):
            if s["id"] in wanted and s["id"] not in found:
                found[s["id"]] = s
    tp = fp = fn = 0
    untagged_with_abstract = with_abstract = 0
    for s in sample:
        want = set(expected[s["id"]])
        got_session = found.get(s["id"])
        got = set(got_session["topics"]) if got_session else set()
        if seen_only and got_session:
            seen = {e["topic"] for e in got_session["topic_evidence"] if e["field"] in ("title", "abstract")}
            got &= seen
        tp += len(want & got)
        fp += len(got - want)
        fn += len(want - got)
        if s["abstract"].strip():
            with_abstract += 1
            untagged_with_abstract += not got
        if verbose and want != got:
            print(f"{s['id']}\n   title: {s['title']}\n   expected {sorted(want)}  got {sorted(got)}"
                  + ("" if got_session else "  (session not found)"))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"sessions {len(sample)} (found {len(found)}) | pairs expected {tp + fn}, given {tp + fp} | "
          f"precision {precision:.3f} recall {recall:.3f} | untagged with abstract "
          f"{untagged_with_abstract}/{with_abstract} = {untagged_with_abstract / max(with_abstract, 1):.3f}")


if __name__ == "__main__":
    main()
