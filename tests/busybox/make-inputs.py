#!/usr/bin/env python3
"""Regenerates the generated files under inputs/ (deterministic: fixed seed,
fixed timestamps).  Hand-written inputs: prose.txt, report.awk, edit.sed,
calc.dc, calc.bc.  The generated files are committed; this script is only
needed to change them."""
import base64, binascii, bz2, gzip, hashlib, io, lzma, os, random, tarfile, zipfile

os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), "inputs"))
rng = random.Random(20240229)
vocab = ("alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa "
         "quebec romeo sierra tango uniform victor whiskey xray yankee zulu register memory stack heap block "
         "cache flag carry overflow parity zero sign branch jump call return signal handler kernel page "
         "segment selector descriptor translate emulate guest host").split()
lines = []
for i in range(400):
    n = rng.randint(3, 12)
    lines.append(" ".join(rng.choice(vocab) for _ in range(n)))
open("words.txt", "w").write("\n".join(lines) + "\n")
ws = sorted(rng.choice(vocab[:20]) for _ in range(300))
open("sorted-words.txt", "w").write("\n".join(ws) + "\n")
rows = ["id,name,qty,price,ratio"]
for i in range(1, 201):
    rows.append("%d,%s%d,%d,%.2f,%.5f" % (i, rng.choice(vocab[:26]), i, rng.randint(-50, 500),
                                          rng.uniform(0.01, 999.99), rng.uniform(-1, 1)))
open("numbers.csv", "w").write("\n".join(rows) + "\n")
data = bytes(range(256)) + bytes((i * 37 + 11) & 0xff for i in range(300)) + b"embedded printable string\x00\x01tail"
open("data.bin", "wb").write(data)
prose = open("prose.txt", "rb").read()
open("prose.txt.gz", "wb").write(gzip.compress(prose, 9, mtime=0))
open("prose.txt.bz2", "wb").write(bz2.compress(prose, 9))
open("prose.txt.xz", "wb").write(lzma.compress(prose, format=lzma.FORMAT_XZ, check=lzma.CHECK_CRC32))
open("prose.txt.lzma", "wb").write(lzma.compress(prose, format=lzma.FORMAT_ALONE))
open("data.b64", "w").write(base64.encodebytes(data).decode())
a = ["line %d: %s" % (i, rng.choice(vocab)) for i in range(1, 31)]
b = list(a)
b[4] = "line 5: changed"
del b[12]
b.insert(20, "inserted line")
b.append("extra tail line")
open("a.txt", "w").write("\n".join(a) + "\n")
open("b.txt", "w").write("\n".join(b) + "\n")
open("crlf.txt", "wb").write(b"first line\r\nsecond line\r\n\r\nlast line\r\n")
open("tabs.txt", "w").write("a\tb\tc\n\tindented\n1234567\t8\n        eight spaces\n")
buf = io.BytesIO()
with tarfile.open(fileobj=buf, mode="w", format=tarfile.USTAR_FORMAT) as t:
    for name, content in [("archive/readme.txt", b"This is inside a tar archive.\n"),
                          ("archive/numbers.txt", "".join("%d\n" % i for i in range(1, 51)).encode()),
                          ("archive/sub/deep.txt", b"deep file\n")]:
        ti = tarfile.TarInfo(name)
        ti.size = len(content)
        ti.mtime = 1000000000
        ti.mode = 0o644
        ti.uid = ti.gid = 0
        ti.uname = ti.gname = "root"
        t.addfile(ti, io.BytesIO(content))
open("archive.tar", "wb").write(buf.getvalue())
zb = io.BytesIO()
with zipfile.ZipFile(zb, "w") as z:
    zi = zipfile.ZipInfo("zipped/hello.txt", date_time=(2001, 9, 9, 1, 46, 40))
    zi.compress_type = zipfile.ZIP_DEFLATED
    z.writestr(zi, "Hello from inside a zip file.\n" * 20)
    zi = zipfile.ZipInfo("zipped/stored.txt", date_time=(2001, 9, 9, 1, 46, 40))
    zi.compress_type = zipfile.ZIP_STORED
    z.writestr(zi, "stored, not deflated\n")
open("archive.zip", "wb").write(zb.getvalue())
with open("sums.sha256", "w") as f:
    for fn in ["prose.txt", "words.txt", "data.bin"]:
        f.write("%s  inputs/%s\n" % (hashlib.sha256(open(fn, "rb").read()).hexdigest(), fn))
with open("sums.md5", "w") as f:
    for fn in ["prose.txt", "numbers.csv"]:
        f.write("%s  inputs/%s\n" % (hashlib.md5(open(fn, "rb").read()).hexdigest(), fn))
with open("data.uu", "w") as f:
    d = data[:200]
    f.write("begin 644 data.bin\n")
    for i in range(0, len(d), 45):
        f.write(binascii.b2a_uu(d[i:i + 45]).decode())
    f.write("`\nend\n")
