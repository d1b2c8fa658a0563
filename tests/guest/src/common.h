/* common.h - helpers shared by the tsemu guest test programs.
 * Every program prints "name: value" lines so that a diff against the
 * natively recorded output pinpoints the failing operation. */
#ifndef TSEMU_GUEST_COMMON_H
#define TSEMU_GUEST_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define F_CF 0x0001u
#define F_PF 0x0004u
#define F_AF 0x0010u
#define F_ZF 0x0040u
#define F_SF 0x0080u
#define F_DF 0x0400u
#define F_OF 0x0800u
#define F_ARITH 0x08d5u /* CF PF AF ZF SF OF */

/* Initial EFLAGS images used with popf (bit 1 is the always-one bit). */
#define FIN_NONE 0x0002u
#define FIN_ALL (0x0002u | F_ARITH)

/* Render the arithmetic flags as "oszapc": upper case = set, lower case =
 * clear, '.' = not defined by the SDM for this operation (not compared). */
static inline const char *fstr(uint32_t f, uint32_t defined)
{
    static char bufs[8][8];
    static unsigned k;
    static const struct { uint32_t bit; char c; } t[6] = {
        {F_OF, 'o'}, {F_SF, 's'}, {F_ZF, 'z'}, {F_AF, 'a'}, {F_PF, 'p'}, {F_CF, 'c'}};
    char *s = bufs[k++ & 7];
    for (int i = 0; i < 6; i++)
        s[i] = !(defined & t[i].bit) ? '.' : (f & t[i].bit) ? (char)(t[i].c - 32) : t[i].c;
    s[6] = 0;
    return s;
}

/* printf width for an operand size in bits */
#define HEXW(bits) ((bits) / 4)

#endif
