#!/usr/bin/env python3
"""Writes cases.json: the busybox applet cases run under tsemu by the CI test
and compared with a native run of the same busybox.i386 (cwd tests/busybox).
Every applet used here works without fork/exec.  Edit this file, not the JSON."""
import json, os

cases = []
def case(name, argv, stdin=None, files=()):
    c = {"name": name, "argv": argv}
    if stdin:
        c["stdin"] = stdin
    fl = sorted(set(list(files) + [a for a in argv if a.startswith("inputs/")] + ([stdin] if stdin else [])))
    if fl:
        c["files"] = fl
    cases.append(c)

P, W, N, D = "inputs/prose.txt", "inputs/words.txt", "inputs/numbers.csv", "inputs/data.bin"

# checksums
case("sha256sum-file", ["sha256sum", P, W])
case("sha256sum-stdin", ["sha256sum"], stdin=W)
case("sha256sum-check", ["sha256sum", "-c", "inputs/sums.sha256"], files=[P, W, D])
case("md5sum-files", ["md5sum", W, N, D])
case("md5sum-check", ["md5sum", "-c", "inputs/sums.md5"], files=[P, N])
case("sha1sum-bin", ["sha1sum", D, "inputs/prose.txt.gz"])
case("sha512sum", ["sha512sum", P])
case("sha3sum", ["sha3sum", P])
case("crc32", ["crc32", D])

# awk
case("awk-sum-column", ["awk", "-F,", "NR>1 { s += $3; n++ } END { print s, n, s / n }", N])
case("awk-printf-float", ["awk", "-F,", 'NR>1 && NR<=60 { printf "%s %.3f %8.2e %d\\n", $2, $3 * $4, $5, $4 }', N])
# Debian's busybox awk is built without math support: no sin/log/sqrt/^,
# so the floating-point case sticks to + - * / % and does Newton iterations.
case("awk-math", ["awk", 'function sq(x,  r, k) { r = x; for (k = 0; k < 30; k++) r = (r + x / r) / 2; return r }'
                  ' BEGIN { for (i = 1; i <= 12; i++) printf "%2d %.3f %.6f %.4e %g %.10g\\n", i, i / 7, sq(i), i * i * i / 3.0, 1 / i, sq(i) * sq(i);'
                  ' print int(-3.7), int(3.99), 7 % 3, -7 % 3, 7.5 % 2, 1e6, 1e-6, 123456789012, 0.1 + 0.2, 1 / 3, -0.0;'
                  ' printf "%d %i %o %x %X %c %5.1f%% %s %e\\n", 255, -3, 8, 255, 48879, 65, 99.44, "str", 6.02e23;'
                  ' f = 1; for (i = 1; i <= 20; i++) f = f * i; printf "%.0f %d %.15g\\n", f, 2147483647 + 1, f / 3 }'])
case("awk-strings", ["awk", 'NR <= 25 { n = split($0, f, " "); s = toupper(substr($0, 1, 12));'
                     ' i = index($0, "the"); m = match($0, /[a-z]+ing/); g = gsub(/e/, "E");'
                     ' printf "%d %d [%s] %d %d %d %d %s\\n", NR, length($0), s, i, m, RLENGTH, g, (n > 0 ? f[n] : "-") }', P])
case("awk-wordfreq", ["awk", '{ for (i = 1; i <= NF; i++) c[$i]++ } END { for (w in c) if (c[w] > 40) print w, c[w] }', W])
case("awk-report-file", ["awk", "-f", "inputs/report.awk", N])
case("awk-srand-sprintf", ["awk", 'BEGIN { srand(42); x = rand(); srand(42); y = rand(); print (x == y), (x >= 0 && x < 1);'
                           ' s = sprintf("%05d|%-6s|%+.2f", 42, "ab", 3.14159); print s, length(s); print substr("hello", 2, 3), tolower("MiXeD") }'])
case("awk-fields-ofs", ["awk", "-F,", "-v", "OFS=;", "NR % 20 == 1 { $3 = $3 * 2; print $0, NF }", N])

# sed
case("sed-subst", ["sed", "-e", r"s/\(trans\)lat\(or\)/\1-\2/g", "-e", "/^$/d", "-e", "s/[0-9]/#/g", P])
case("sed-range-quit", ["sed", "-n", "5,15p;40q", W])
case("sed-hold-tac", ["sed", "-n", "1!G;h;$p", "inputs/a.txt"])
case("sed-script-file", ["sed", "-f", "inputs/edit.sed", P])
case("sed-stdin-y", ["sed", "y/abcdefghij/0123456789/;s/  */ /g"], stdin=W)

# sort / uniq
case("sort-default", ["sort", W])
case("sort-numeric-key", ["sort", "-t,", "-k3,3n", "-k1,1n", N])
case("sort-reverse", ["sort", "-r", "inputs/a.txt"])
case("sort-unique", ["sort", "-u", "inputs/sorted-words.txt"])
case("sort-general-float", ["sort", "-t,", "-k5", "-g", N])
case("uniq-count", ["uniq", "-c", "inputs/sorted-words.txt"])
case("uniq-dup", ["uniq", "-d", "inputs/sorted-words.txt"])

# counting, dumping
case("wc-files", ["wc", P, W, N, D])
case("wc-lines-stdin", ["wc", "-l"], stdin=W)
# this busybox od has no "z" suffix for -t (x1z): two -t types instead
case("od-hex-chars", ["od", "-A", "x", "-t", "x1", "-t", "c", D])
case("od-d4-c", ["od", "-A", "d", "-t", "d4", "-N", "64", D])
case("od-chars", ["od", "-c", "inputs/crlf.txt"])
case("hexdump-C", ["hexdump", "-C", D])
case("xxd", ["xxd", D])
case("strings", ["strings", D])

# compression
case("gzip-stdin", ["gzip", "-c"], stdin=W)
case("gzip-9-stdin", ["gzip", "-9", "-c"], stdin=P)
case("gunzip-c", ["gunzip", "-c", "inputs/prose.txt.gz"])
# zcat and unzip -p fork a decompressor: they wait for fork support (guest processes)
case("bzip2-stdin", ["bzip2", "-c"], stdin=W)
case("bunzip2-c", ["bunzip2", "-c", "inputs/prose.txt.bz2"])
case("unxz-c", ["unxz", "-c", "inputs/prose.txt.xz"])
case("unlzma-c", ["unlzma", "-c", "inputs/prose.txt.lzma"])
case("tar-list", ["tar", "-tf", "inputs/archive.tar"])
case("tar-extract-stdout", ["tar", "-xOf", "inputs/archive.tar"])


# text filters
case("tr-upper", ["tr", "a-z", "A-Z"], stdin=P)
case("tr-delete-squeeze", ["tr", "-s", " ", "-d", "aeiou"], stdin=P)
case("tr-complement", ["tr", "-cd", "a-z\\n"], stdin=P)
case("cut-fields", ["cut", "-d,", "-f2,4", N])
case("cut-chars", ["cut", "-c3-12,20-", P])
case("head-n", ["head", "-n", "7", W])
case("head-c", ["head", "-c", "100", P])
case("tail-n", ["tail", "-n", "5", W])
case("tail-from", ["tail", "-n", "+395", W])
case("tail-c", ["tail", "-c", "64", P])
case("grep-count", ["grep", "-c", "the", P])
case("grep-invert", ["grep", "-v", "e", W])
case("grep-extended", ["grep", "-E", "-n", "(emulat|translat)(e|or|ion)s?", P])
case("grep-icase-word", ["grep", "-i", "-w", "-o", "the", P])
case("grep-nomatch", ["grep", "zzzzqqq", P])
case("cat-files", ["cat", "inputs/a.txt", "inputs/tabs.txt"])
case("cat-stdin", ["cat"], stdin="inputs/crlf.txt")
case("rev", ["rev", P])
case("fold-s", ["fold", "-w", "33", "-s", P])
case("fold-bytes", ["fold", "-w", "10", "inputs/a.txt"])
case("nl", ["nl", "-ba", P])
case("tac", ["tac", "inputs/a.txt"])
case("paste-two", ["paste", "-d:", "inputs/a.txt", "inputs/b.txt"])
case("paste-serial", ["paste", "-s", "-d,", "inputs/sorted-words.txt"])
case("expand", ["expand", "-t", "4", "inputs/tabs.txt"])
case("unexpand", ["unexpand", "-a", "inputs/tabs.txt"])
case("dos2unix-stdin", ["dos2unix"], stdin="inputs/crlf.txt")
case("cmp-differ", ["cmp", "inputs/a.txt", "inputs/b.txt"])
case("cmp-list", ["cmp", "-l", "inputs/a.txt", "inputs/b.txt"])
case("cmp-same", ["cmp", P, P])
case("diff-unified", ["diff", "-u", "inputs/a.txt", "inputs/b.txt"])

# arithmetic and small utilities
case("expr-arith", ["expr", "123456789", "*", "987", "+", "17", "/", "3"])
case("expr-mod-neg", ["expr", "-100", "%", "7"])
case("expr-length", ["expr", "length", "hello, world"])
case("expr-match", ["expr", "abc123def", ":", "[a-z]*\\([0-9]*\\)"])
case("expr-compare-false", ["expr", "3", ">", "5"])
case("seq-step", ["seq", "1", "7", "100"])
case("seq-float", ["seq", "-w", "0.5", "0.25", "4"])
case("seq-sep", ["seq", "-s", ",", "25"])
case("seq-big", ["seq", "20000"])
case("printf-formats", ["printf", "%5.2f|%-8s|%x|%o|%e|%c|%5d|%%|%s\\n", "3.14159", "abc", "255", "8",
                        "12345.678", "Z", "-42", "tail"])
case("printf-reuse", ["printf", "[%s=%d]\\n", "a", "1", "b", "2", "c", "3"])
case("basename", ["basename", "/usr/lib/i386-linux-gnu/libc.so.6", ".6"])
case("dirname", ["dirname", "/usr/lib/i386-linux-gnu/"])
case("dc-expr", ["dc", "-e", "2 64 ^ p 10 k 1 3 / p 7 v p 12345679 9 * p"])
case("dc-file", ["dc", "inputs/calc.dc"])
case("bc-mathlib", ["bc", "-l"], stdin="inputs/calc.bc")
case("factor", ["factor", "1", "2", "97", "360", "65537", "1000000007", "600851475143", "18446744073709551615"])
case("base64-encode", ["base64", D])
case("base64-decode", ["base64", "-d", "inputs/data.b64"])
case("uudecode-stdout", ["uudecode", "-o", "-", "inputs/data.uu"])
case("echo-args", ["echo", "hello", "  spaced  ", "", "world"])
case("echo-e-n", ["echo", "-n", "-e", "tab\\there\\nnewline\\\\ \\x41\\0101"])
case("cal-fixed", ["cal", "2", "2024"])
case("test-true", ["test", "abc", "=", "abc"])
case("test-false", ["test", "3", "-gt", "5"])
case("false", ["false"])
case("dd-skip-count", ["dd", "if=inputs/data.bin", "bs=16", "skip=2", "count=3", "status=none"])
case("stat-format", ["stat", "-c", "%s %n %F", P, D])
case("ls-inputs", ["ls", "-1", "inputs"])
case("xxd-reverse-plain", ["xxd", "-p", P])

names = [c["name"] for c in cases]
assert len(names) == len(set(names)), "duplicate case names"
here = os.path.dirname(os.path.abspath(__file__))
for c in cases:
    for f in c.get("files", []):
        assert os.path.exists(os.path.join(here, f)), f
with open(os.path.join(here, "cases.json"), "w") as f:
    json.dump(cases, f, indent=1, ensure_ascii=False)
    f.write("\n")
print("wrote %d cases" % len(cases))
