#!/usr/bin/env python3
# Reference disassembly for the ARM disassembler's golden tests: the capstone 4 library that
# qemu-arm links (libcapstone.so.4, installed with qemu-user) disassembles each input line
# "arm|thumb HEX" (HEX: one A32 word, or one or two Thumb halfwords written high first) and
# prints "HEX<TAB>mnemonic op_str" as qemu-arm's -d in_asm shows it ("(bad)" if undecodable).
import ctypes, sys

cs = ctypes.CDLL("libcapstone.so.4")

class Insn(ctypes.Structure):
    _fields_ = [("id", ctypes.c_uint), ("address", ctypes.c_uint64), ("size", ctypes.c_uint16),
                ("bytes", ctypes.c_uint8 * 16), ("mnemonic", ctypes.c_char * 32),
                ("op_str", ctypes.c_char * 160), ("detail", ctypes.c_void_p)]

cs.cs_disasm.restype = ctypes.c_size_t
cs.cs_disasm.argtypes = [ctypes.c_size_t, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_uint64,
                         ctypes.c_size_t, ctypes.POINTER(ctypes.POINTER(Insn))]
handles = {}
for name, mode in (("arm", 0), ("thumb", 16)):
    h = ctypes.c_size_t()
    if cs.cs_open(0, mode, ctypes.byref(h)) != 0:
        sys.exit("cs_open failed")
    handles[name] = h

for line in sys.stdin:
    parts = line.split()
    if len(parts) < 2:
        continue
    mode, hx = parts[0], parts[1]
    addr = int(parts[2], 16) if len(parts) > 2 else 0x10000
    v = int(hx, 16)
    if mode == "arm":
        code = v.to_bytes(4, "little")
    elif len(hx) <= 4:
        code = v.to_bytes(2, "little")
    else:
        code = (v >> 16).to_bytes(2, "little") + (v & 0xffff).to_bytes(2, "little")
    p = ctypes.POINTER(Insn)()
    n = cs.cs_disasm(handles[mode], code, len(code), addr, 1, ctypes.byref(p))
    if n == 0 or p[0].size != len(code):
        print(f"{hx}\t(bad)")
    else:
        print(f"{hx}\t{p[0].mnemonic.decode()} {p[0].op_str.decode()}".rstrip())
    if n:
        cs.cs_free(p, n)
