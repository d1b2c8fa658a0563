/* ident.c - process identity and limits: pids/tids, uids/gids, uname
 * (sysname only: the machine field differs between an i386 kernel and a
 * 64-bit one), getrandom, set_tid_address, getrlimit/setrlimit/prlimit,
 * prctl names, umask, auxiliary vector sanity, sysinfo, sched_yield. */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/prctl.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <unistd.h>

static const char *yesno(int c) { return c ? "yes" : "no"; }

int main(int argc, char **argv)
{
    (void)argc;
    pid_t p = getpid();
    printf("getpid stable: %s positive: %s\n", yesno(p == getpid()), yesno(p > 0));
    printf("gettid == getpid: %s\n", yesno(syscall(SYS_gettid) == p));
    printf("getppid positive: %s\n", yesno(getppid() > 0));
    /* A container's init may leave the session id at 0, so only consistency is checked. */
    printf("getpgrp/getsid consistent: %s\n",
           yesno(getpgrp() >= 0 && getsid(0) >= 0 && getsid(0) == getsid(p) && getpgid(0) == getpgrp()));
    printf("set_tid_address returns tid: %s\n", yesno(syscall(SYS_set_tid_address, NULL) == p));
    uid_t u = getuid(), eu = geteuid();
    gid_t g = getgid(), eg = getegid();
    printf("uid==euid: %s gid==egid: %s\n", yesno(u == eu), yesno(g == eg));
    printf("raw getuid32 agrees: %s\n", yesno(syscall(SYS_getuid32) == (long)u));
    uid_t ru, e, s;
    getresuid(&ru, &e, &s);
    printf("getresuid consistent: %s\n", yesno(ru == u && e == eu && s == eu));
    gid_t rg, eg2, sg;
    getresgid(&rg, &eg2, &sg);
    printf("getresgid consistent: %s\n", yesno(rg == g && eg2 == eg && sg == eg));
    int ng = getgroups(0, NULL);
    printf("getgroups count non-negative: %s\n", yesno(ng >= 0));
    printf("setuid(own uid): %d\n", setuid(u));

    struct utsname un;
    int ur = uname(&un);
    printf("uname: %d sysname: %s release_nonempty: %s\n", ur, un.sysname, yesno(un.release[0] != 0));

    unsigned char rnd[64];
    memset(rnd, 0, sizeof rnd);
    printf("getrandom 32: %zd\n", getrandom(rnd, 32, 0));
    printf("getrandom nonblock 16: %zd\n", getrandom(rnd + 32, 16, GRND_NONBLOCK));
    int nz = 0;
    for (int i = 0; i < 32; i++)
        nz |= rnd[i];
    printf("getrandom some nonzero: %s untouched tail zero: %s\n", yesno(nz != 0), yesno(rnd[63] == 0));

    struct rlimit rl;
    int gr = getrlimit(RLIMIT_STACK, &rl);
    printf("getrlimit stack: %d cur_positive: %s\n", gr, yesno(rl.rlim_cur > 0));
    getrlimit(RLIMIT_NOFILE, &rl);
    printf("nofile cur>=64: %s cur<=max: %s\n", yesno(rl.rlim_cur >= 64), yesno(rl.rlim_cur <= rl.rlim_max));
    struct rlimit nl = {40, rl.rlim_max};
    printf("setrlimit nofile 40: %d\n", setrlimit(RLIMIT_NOFILE, &nl));
    getrlimit(RLIMIT_NOFILE, &rl);
    printf("getrlimit nofile now: %lu\n", (unsigned long)rl.rlim_cur);
    struct rlimit64 r64;
    gr = prlimit64(0, RLIMIT_NOFILE, NULL, &r64);
    printf("prlimit64 read: %d cur: %llu\n", gr, (unsigned long long)r64.rlim_cur);
    struct rlimit64 n64 = {50, r64.rlim_max}, old64;
    gr = prlimit64(0, RLIMIT_NOFILE, &n64, &old64);
    printf("prlimit64 set 50: %d old: %llu\n", gr, (unsigned long long)old64.rlim_cur);
    getrlimit(RLIMIT_NOFILE, &rl);
    printf("getrlimit nofile after prlimit: %lu\n", (unsigned long)rl.rlim_cur);
    struct rlimit bad = {100, 10};
    errno = 0;
    int br = setrlimit(RLIMIT_NOFILE, &bad);
    printf("setrlimit cur>max: %d %s\n", br, errno == EINVAL ? "EINVAL" : "?");

    char name[17] = {0};
    printf("prctl set name: %d\n", prctl(PR_SET_NAME, "tsemu-guest", 0, 0, 0));
    prctl(PR_GET_NAME, name, 0, 0, 0);
    printf("prctl get name: %s\n", name);
    umask(027);
    printf("umask previous: %03o\n", umask(022));

    printf("auxv pagesz: %lu\n", getauxval(AT_PAGESZ));
    printf("auxv uid matches: %s\n", yesno(getauxval(AT_UID) == u && getauxval(AT_EUID) == eu));
    printf("auxv gid matches: %s\n", yesno(getauxval(AT_GID) == g && getauxval(AT_EGID) == eg));
    printf("auxv secure: %lu\n", getauxval(AT_SECURE));
    printf("auxv random present: %s\n", yesno(getauxval(AT_RANDOM) != 0));
    printf("auxv phdr/entry present: %s\n", yesno(getauxval(AT_PHDR) != 0 && getauxval(AT_ENTRY) != 0));
    printf("auxv phent: %lu\n", getauxval(AT_PHENT));
    const char *fn = (const char *)getauxval(AT_EXECFN);
    const char *base = fn ? strrchr(fn, '/') : NULL;
    printf("auxv execfn basename: %s\n", fn ? (base ? base + 1 : fn) : "(none)");
    base = strrchr(argv[0], '/');
    printf("argv[0] basename: %s\n", base ? base + 1 : argv[0]);

    struct sysinfo si;
    int sr = sysinfo(&si);
    printf("sysinfo: %d uptime_positive: %s mem_unit_positive: %s\n", sr, yesno(si.uptime > 0), yesno(si.mem_unit > 0));
    printf("sched_yield: %d\n", sched_yield());
    printf("nprocs positive: %s\n", yesno(sysconf(_SC_NPROCESSORS_ONLN) > 0));
    char host[256];
    printf("gethostname: %d\n", gethostname(host, sizeof host));
    printf("ident: done\n");
    return 0;
}
