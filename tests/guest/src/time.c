/* time.c - clocks and sleeping.  Only sanity checks are printed (the values
 * themselves are not deterministic), plus formatting of fixed timestamps. */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>

static int64_t ns(const struct timespec *t) { return (int64_t)t->tv_sec * 1000000000 + t->tv_nsec; }

static const char *yesno(int c) { return c ? "yes" : "no"; }

int main(void)
{
    struct timespec t, t2, res;
    clockid_t ids[] = {CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID, CLOCK_THREAD_CPUTIME_ID,
                       CLOCK_MONOTONIC_RAW, CLOCK_REALTIME_COARSE, CLOCK_MONOTONIC_COARSE, CLOCK_BOOTTIME};
    const char *names[] = {"realtime", "monotonic", "process_cputime", "thread_cputime", "monotonic_raw",
                           "realtime_coarse", "monotonic_coarse", "boottime"};
    for (unsigned i = 0; i < sizeof ids / sizeof ids[0]; i++) {
        int r = clock_gettime(ids[i], &t);
        int rr = clock_getres(ids[i], &res);
        printf("clock %s: gettime=%d nsec_in_range=%s getres=%d res_ok=%s\n", names[i], r,
               yesno(t.tv_nsec >= 0 && t.tv_nsec < 1000000000), rr,
               yesno(res.tv_sec == 0 && res.tv_nsec > 0 && res.tv_nsec <= 10000000));
    }
    clock_gettime(CLOCK_REALTIME, &t);
    printf("realtime after 2020: %s\n", yesno(t.tv_sec > 1577836800));
    struct timeval tv;
    gettimeofday(&tv, NULL);
    time_t now = time(NULL);
    printf("gettimeofday usec_in_range: %s\n", yesno(tv.tv_usec >= 0 && tv.tv_usec < 1000000));
    printf("time/gettimeofday/clock_gettime agree: %s\n",
           yesno(llabs((long long)now - (long long)tv.tv_sec) <= 2 && llabs((long long)tv.tv_sec - (long long)t.tv_sec) <= 2));
    long raw = syscall(SYS_time, NULL);
    printf("raw time syscall agrees: %s\n", yesno(labs(raw - (long)now) <= 2));

    /* monotonic never goes backwards */
    int mono_ok = 1;
    clock_gettime(CLOCK_MONOTONIC, &t);
    for (int i = 0; i < 2000; i++) {
        clock_gettime(CLOCK_MONOTONIC, &t2);
        if (ns(&t2) < ns(&t))
            mono_ok = 0;
        t = t2;
    }
    printf("monotonic ok: %s\n", yesno(mono_ok));

    /* nanosleep / clock_nanosleep / usleep sleep at least as long as asked */
    struct timespec req = {0, 20 * 1000000}, rem = {9, 9};
    clock_gettime(CLOCK_MONOTONIC, &t);
    int r = nanosleep(&req, &rem);
    clock_gettime(CLOCK_MONOTONIC, &t2);
    printf("nanosleep 20ms: r=%d slept_enough=%s\n", r, yesno(ns(&t2) - ns(&t) >= 20000000));
    clock_gettime(CLOCK_MONOTONIC, &t);
    r = clock_nanosleep(CLOCK_MONOTONIC, 0, &req, NULL);
    clock_gettime(CLOCK_MONOTONIC, &t2);
    printf("clock_nanosleep rel 20ms: r=%d slept_enough=%s\n", r, yesno(ns(&t2) - ns(&t) >= 20000000));
    struct timespec until;
    clock_gettime(CLOCK_MONOTONIC, &until);
    until.tv_nsec += 15000000;
    if (until.tv_nsec >= 1000000000) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000;
    }
    r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, NULL);
    clock_gettime(CLOCK_MONOTONIC, &t2);
    printf("clock_nanosleep abs: r=%d reached=%s\n", r, yesno(ns(&t2) >= ns(&until)));
    clock_gettime(CLOCK_MONOTONIC, &t);
    usleep(10000);
    clock_gettime(CLOCK_MONOTONIC, &t2);
    printf("usleep 10ms: slept_enough=%s\n", yesno(ns(&t2) - ns(&t) >= 10000000));
    struct timespec bad = {0, 1000000000};
    r = nanosleep(&bad, NULL);
    printf("nanosleep invalid nsec: %d\n", r);

    /* cpu time grows with work */
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    volatile unsigned x = 0;
    for (unsigned i = 0; i < 2000000; i++)
        x += i;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t2);
    printf("process cputime advanced: %s\n", yesno(ns(&t2) > ns(&t)));
    struct tms tm;
    clock_t c = times(&tm);
    printf("times: returned=%s\n", yesno(c != (clock_t)-1));
    struct rusage ru;
    printf("getrusage: %d maxrss_positive=%s\n", getrusage(RUSAGE_SELF, &ru), yesno(ru.ru_maxrss > 0));

    /* calendar formatting of fixed instants (no time zone files needed) */
    setenv("TZ", "UTC0", 1);
    tzset();
    time_t fixed[] = {0, 1234567890, 2147483647, 951782400 /* 2000-02-29 */};
    for (unsigned i = 0; i < 4; i++) {
        struct tm g;
        char buf[80];
        gmtime_r(&fixed[i], &g);
        strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S %a %j", &g);
        printf("gmtime(%ld): %s\n", (long)fixed[i], buf);
        printf("mktime round trip: %s\n", yesno(mktime(&g) == fixed[i]));
    }
    setenv("TZ", "EST5EDT,M3.2.0,M11.1.0", 1);
    tzset();
    struct tm l;
    char buf[80];
    localtime_r(&fixed[1], &l);
    strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S %Z", &l);
    printf("localtime EST5EDT: %s\n", buf);
    time_t summer = 1247000000;
    localtime_r(&summer, &l);
    strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S %Z isdst=", &l);
    printf("localtime summer: %s%d\n", buf, l.tm_isdst);
    printf("time: done\n");
    return 0;
}
