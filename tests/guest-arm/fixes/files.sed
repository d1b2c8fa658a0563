# Where qemu-arm 7.2 (the reference recorder) differs from Linux, the expectation is Linux's: the
# same lines as ../guest/expected/files.stdout, recorded on a real kernel. `make expected` applies
# this script to expected/files-<variant>.stdout after recording, with @BIN@ the binary's name.
#
# qemu-arm fails readlink("/proc/self/exe") for a program started by a relative path
s|^readlink /proc/self/exe basename: ENOENT$|readlink /proc/self/exe basename: @BIN@|
# qemu-arm passes the host's 64-bit directory offsets to a 32-bit guest, whose readdir then stops
# with EOVERFLOW: no entries (a 32-bit kernel, and tsemu, give offsets that fit)
s|^dir sub (0 entries, d_type consistent: yes):$|dir sub (8 entries, d_type consistent: yes): ../ ./ dangling@ f3 fifo\| hard inner/ sym@|
s|^dir many (0 entries, d_type consistent: yes):$|dir many (302 entries, d_type consistent: yes): ../ ./ file-with-a-longish-name-000 file-with-a-longish-name-001 file-with-a-longish-name-002 ... file-with-a-longish-name-297 file-with-a-longish-name-298 file-with-a-longish-name-299|
s|^dir \. (0 entries, d_type consistent: yes):$|dir . (2 entries, d_type consistent: yes): ../ ./|
# qemu-arm opens a file over 2 GiB without O_LARGEFILE; a 32-bit kernel refuses (EOVERFLOW)
s|^open (no O_LARGEFILE) 3GiB file: 4 OK$|open (no O_LARGEFILE) 3GiB file: -1 EOVERFLOW|
