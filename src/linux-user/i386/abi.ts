// The i386 structure layouts and facts the shared system-call code reads through Task.abi
// (see ../abi.ts): struct stat64 packed to 4 bytes, the packed 24-byte struct flock64.
import { GENERIC_SA_FLAGS, GuestAbi } from "../abi";

export const I386_ABI: GuestAbi = {
  machine: "i686",
  spReg: 4, // R_ESP
  stat64: {
    size: 96, dev: 0, ino32: 12, mode: 16, nlink: 20, uid: 24, gid: 28, rdev: 32, stSize: 44, blksize: 52, blocks: 56,
    atime: 64, ino: 88, zeroPadding: false,
  },
  flock64: { start: 4, len: 12, pid: 20, size: 24 },
  statfs64Sizes: [84],
  saFlags: GENERIC_SA_FLAGS | 0x04000000, // SA_RESTORER
  openFlagBits: [],
};
