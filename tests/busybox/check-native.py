#!/usr/bin/env python3
"""Runs every case of cases.json natively with ./busybox.i386 (cwd = this
directory) several times and reports cases whose stdout, stderr or exit
status is not identical across runs.  Usage: check-native.py [-v] [name...]"""
import json, os, subprocess, sys

here = os.path.dirname(os.path.abspath(__file__))
bb = os.path.join(here, "busybox.i386")
verbose = "-v" in sys.argv
only = [a for a in sys.argv[1:] if a != "-v"]

def run(c):
    stdin = open(os.path.join(here, c["stdin"]), "rb") if c.get("stdin") else subprocess.DEVNULL
    p = subprocess.run([bb] + c["argv"], cwd=here, stdin=stdin, capture_output=True, timeout=60,
                       env={"PATH": "/usr/bin:/bin", "LC_ALL": "C"})
    return p.returncode, p.stdout, p.stderr

bad = 0
cases = json.load(open(os.path.join(here, "cases.json")))
for c in cases:
    if only and c["name"] not in only:
        continue
    r = [run(c) for _ in range(3)]
    same = all(x == r[0] for x in r)
    st, out, err = r[0]
    status = st if st >= 0 else 128 - st
    print("%-22s status=%-3d stdout=%6dB stderr=%4dB %s" % (c["name"], status, len(out), len(err),
                                                          "ok" if same else "NONDETERMINISTIC"))
    if verbose:
        sys.stdout.write(out.decode(errors="replace")[:600] + ("\n" if out else ""))
        if err:
            sys.stdout.write("stderr: " + err.decode(errors="replace")[:300] + "\n")
    bad += not same
print("%d cases, %d nondeterministic" % (len(cases), bad))
sys.exit(1 if bad else 0)
