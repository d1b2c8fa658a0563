/* kuser.c - the kernel user helpers at 0xffff0f60..0xffff0fff that ARM code calls directly
 * (Documentation/arm/kernel_user_helpers.rst): __kuser_helper_version, __kuser_get_tls,
 * __kuser_cmpxchg, __kuser_memory_barrier and __kuser_cmpxchg64, called through their fixed
 * addresses as armel's libgcc and glibc do, from ARM and from Thumb code. */
#include <stdint.h>
#include <stdio.h>

#define kuser_helper_version (*(volatile int32_t *)0xffff0ffc)
#define kuser_get_tls ((void *(*)(void))0xffff0fe0)
#define kuser_cmpxchg ((int (*)(int oldval, int newval, volatile int *ptr))0xffff0fc0)
#define kuser_memory_barrier ((void (*)(void))0xffff0fa0)
#define kuser_cmpxchg64 ((int (*)(const int64_t *oldval, const int64_t *newval, volatile int64_t *ptr))0xffff0f60)

static volatile int word = 5;
static volatile int64_t dword = 0x100000002LL;

int main(void)
{
    printf("helper version: %d\n", (int)kuser_helper_version);
    void *tls = kuser_get_tls();
    printf("get_tls equals thread pointer: %s\n", tls == __builtin_thread_pointer() ? "yes" : "no");
    printf("get_tls nonzero: %s\n", tls != 0 ? "yes" : "no");

    int r = kuser_cmpxchg(5, 7, &word);
    printf("cmpxchg 5->7 on 5: ret %s, word %d\n", r == 0 ? "0" : "nonzero", word);
    r = kuser_cmpxchg(5, 9, &word);
    printf("cmpxchg 5->9 on 7: ret %s, word %d\n", r == 0 ? "0" : "nonzero", word);
    /* the classic atomic add loop */
    for (int i = 0; i < 1000; i++) {
        int old;
        do old = word; while (kuser_cmpxchg(old, old + 3, &word) != 0);
    }
    printf("after 1000 atomic adds of 3: %d\n", word);

    kuser_memory_barrier();
    printf("memory barrier returned\n");

    int64_t o = 0x100000002LL, n = -5;
    r = kuser_cmpxchg64(&o, &n, &dword);
    printf("cmpxchg64 hit: ret %s, value %lld\n", r == 0 ? "0" : "nonzero", (long long)dword);
    r = kuser_cmpxchg64(&o, &n, &dword);
    printf("cmpxchg64 miss: ret %s, value %lld\n", r == 0 ? "0" : "nonzero", (long long)dword);

    /* a GCC __sync builtin: on ARMv5 (armel) this is a libgcc call into __kuser_cmpxchg */
    static int counter;
    for (int i = 0; i < 100; i++) __sync_fetch_and_add(&counter, 2);
    printf("__sync_fetch_and_add: %d\n", counter);
    int prev = __sync_val_compare_and_swap(&counter, 200, 1);
    printf("__sync_val_compare_and_swap: prev %d now %d\n", prev, counter);
    return 0;
}
