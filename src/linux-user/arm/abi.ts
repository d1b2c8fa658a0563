// The ARM EABI structure layouts and facts the shared system-call code reads through Task.abi
// (see ../abi.ts). EABI aligns 64-bit members to 8 bytes, so struct stat64 has padding before
// st_size and st_blocks (104 bytes) and struct flock64 before l_start (32 bytes); the kernel's
// struct statfs64 is packed to 84 bytes, and its statfs64 also accepts EABI's padded 88.
import { GENERIC_SA_FLAGS, GuestAbi } from "../abi";

export const ARM_ABI: GuestAbi = {
  machine: "armv7l",
  spReg: 13,
  stat64: {
    size: 104, dev: 0, ino32: 12, mode: 16, nlink: 20, uid: 24, gid: 28, rdev: 32, stSize: 48, blksize: 56, blocks: 64,
    atime: 72, ino: 96, zeroPadding: true, // cp_new_stat64 copies a zeroed structure
  },
  flock64: { start: 8, len: 16, pid: 24, size: 32 },
  statfs64Sizes: [84, 88],
  saFlags: GENERIC_SA_FLAGS | 0x04000000 | 0x02000000, // SA_RESTORER, SA_THIRTYTWO
};
