/* prefixes.S - operand-size (0x66) and address-size (0x67) prefixes, partial
 * register writes, 16-bit operations on registers and memory, the lock
 * prefix, redundant/ignored prefixes (segment prefixes, branch hints,
 * "rep ret"), and prefix ordering.  Pure assembly linked with libc. */
#include "asmprint.h"

	.data
	.align 4
mem1:	.long 0x11223344
mem2:	.long 0xaabbccdd
mem3:	.long 0
cnt:	.long 0
table:	.byte 0x10,0x21,0x32,0x43,0x54,0x65,0x76,0x87,0x98,0xa9

	.text
	.globl main
main:
	pushl %ebp
	movl %esp,%ebp
	pushl %ebx
	pushl %esi
	pushl %edi

	/* ---- partial register writes ---- */
	movl $0x12345678,%eax
	movb $0xab,%al
	SHOW movb_al, %eax
	movb $0xcd,%ah
	SHOW movb_ah, %eax
	movw $0xbeef,%ax
	SHOW movw_ax, %eax
	movl $0xffffffff,%ebx
	movb %ah,%bl
	movb %al,%bh
	SHOW mov_ah_bl_al_bh, %ebx
	movl $0x01020304,%ecx
	movl $0x0a0b0c0d,%edx
	xchgb %ch,%dl
	SHOW xchg_ch_dl_ecx, %ecx
	SHOW xchg_ch_dl_edx, %edx
	movl $0x80808080,%eax
	addb %ah,%al
	SHOWF addb_ah_al, %eax, ARITH
	addb $0x7f,%ah
	SHOWF addb_ah_imm, %eax, ARITH
	incb %ah
	SHOWF incb_ah, %eax, ARITH
	movl $0x1234ffff,%esi
	incw %si
	SHOWF incw_si, %esi, ARITH
	decw %si
	SHOWF decw_si, %esi, ARITH
	movl $0x0000ff00,%edi
	negw %di
	SHOWF negw_di, %edi, ARITH
	notw %di
	SHOW notw_di, %edi

	/* ---- 16-bit ALU with immediates and memory ---- */
	movl $0x5555fff0,%eax
	addw $0x0010,%ax          /* 66 05 iw */
	SHOWF addw_ax_imm16, %eax, ARITH
	movl $0x77777fff,%ebx
	addw $1,%bx               /* 66 83 /0 ib */
	SHOWF addw_bx_imm8, %ebx, ARITH
	subw $0x1234,%bx          /* 66 81 /5 iw */
	SHOWF subw_bx_imm16, %ebx, ARITH
	movw $0x8001,mem1         /* 66 c7 05 */
	SHOWM movw_mem_imm, mem1
	addw $0x7fff,mem1
	SHOWF addw_mem_imm, %eax, ARITH
	SHOWM addw_mem_imm_result, mem1
	movl $0x11110002,%ecx
	subw %cx,mem1
	SHOWM subw_mem_cx, mem1
	andw $0x0ff0,mem2+2
	SHOWM andw_mem_hi, mem2
	orw mem2,%cx
	SHOWF orw_cx_mem, %ecx, LOGIC
	movl $0x0000ffff,%edx
	testw $0x8000,%dx
	SHOWF testw_dx, %edx, LOGIC
	cmpw $0x7fff,%dx
	SHOWF cmpw_dx, %edx, ARITH
	movl $0xcccc8000,%eax
	movl $0xdddd0003,%ecx
	imulw %cx,%ax
	SHOWF imulw_cx_ax, %eax, 0x801
	movl $0x00001234,%eax
	movl $0xeeee0000,%edx
	movw $0x0100,%cx
	mulw %cx
	SHOW mulw_ax, %eax
	SHOW mulw_dx, %edx
	movl $0x12348000,%eax
	shlw $1,%ax
	SHOWF shlw_ax, %eax, 0x8c5
	rolw $4,%ax
	SHOW rolw_ax, %eax
	movl $0x1111abcd,%eax
	movl $0x22221234,%edx
	xchgw %ax,%dx
	SHOW xchgw_eax, %eax
	SHOW xchgw_edx, %edx
	movl $0x88,%eax
	cbtw
	SHOW cbw, %eax
	movl $0xaaaa8000,%eax
	movl $0xbbbbbbbb,%edx
	cwtd
	SHOW cwd_edx, %edx

	/* ---- 16-bit push/pop ---- */
	movl %esp,%esi
	pushw $0x1234
	movl %esi,%eax
	subl %esp,%eax
	SHOW pushw_imm_esp_delta, %eax
	popw %ax
	SHOW popw_ax, %eax
	movl $0x9999abcd,%ebx
	pushw %bx
	pushl $0
	popl %ecx
	popw %cx
	SHOW pushw_popw_cx, %ecx
	movl %esp,%eax
	subl %esi,%eax
	SHOW pushw_esp_balance, %eax

	/* ---- 16-bit moves with zero/sign extension from memory ---- */
	movl $0xfedcba98,mem3
	movzwl mem3+2,%eax
	SHOW movzwl_mem, %eax
	movswl mem3,%eax
	SHOW movswl_mem, %eax
	movw mem3+1,%ax
	SHOW movw_unaligned, %eax

	/* ---- address-size prefix (0x67): 16-bit effective addresses ---- */
	movl $0xffff0010,%ebx
	movl $0x00000020,%esi
	movl $0xabcd0040,%edi
	movl $0x1234fff0,%ebp
	addr16 leal (%bx,%si),%eax
	SHOW lea16_bx_si, %eax
	addr16 leal 5(%bx,%di),%eax
	SHOW lea16_5_bx_di, %eax
	addr16 leal 0x20(%bp,%si),%eax
	SHOW lea16_bp_si, %eax
	addr16 leal -2(%bp,%di),%eax
	SHOW lea16_bp_di_wrap, %eax
	addr16 leal 0x1234,%eax
	SHOW lea16_disp16, %eax
	addr16 leal (%si),%eax
	SHOW lea16_si, %eax
	addr16 leal 0x7f(%di),%eax
	SHOW lea16_di_disp8, %eax
	addr16 leal -1(%bx),%eax
	SHOW lea16_bx_wrap, %eax
	addr16 leaw 0x8000(%bx,%si),%ax
	SHOW leaw16, %eax
	movl %esp,%ebp
	addl $12,%ebp     /* restore frame pointer: ebp = esp + 12 */
	/* jcxz (67 e3) tests cx, jecxz tests ecx */
	movl $0x00010000,%ecx
	movl $0,%eax
	addr16 jecxz 1f          /* jcxz: cx == 0 -> taken */
	movl $1,%eax
1:	SHOW jcxz_taken_is0, %eax
	movl $0,%eax
	jecxz 2f
	movl $1,%eax
2:	SHOW jecxz_not_taken_is1, %eax
	/* loop with 16-bit counter: cx=3 but ecx upper bits set */
	movl $0x00050003,%ecx
	xorl %eax,%eax
3:	incl %eax
	addr16 loop 3b
	SHOW loopw_iterations, %eax
	SHOW loopw_ecx, %ecx

	/* ---- lock prefix ---- */
	movl $5,cnt
	lock incl cnt
	lock addl $10,cnt
	SHOWM lock_inc_add, cnt
	lock decl cnt
	SHOWF lock_decl_flags, %eax, ARITH
	lock subl $15,cnt
	SHOWF lock_subl_zero_flags, %eax, ARITH
	movl $0xf0,cnt
	lock orl $0x0f,cnt
	lock andl $0x3c,cnt
	lock xorl $0xff,cnt
	SHOWM lock_or_and_xor, cnt
	lock btsl $4,cnt
	SHOWF lock_bts_cf, %eax, 0x1
	lock btrl $0,cnt
	SHOWF lock_btr_cf, %eax, 0x1
	lock btcl $31,cnt
	SHOWM lock_bt_result, cnt
	lock negl cnt
	SHOWM lock_neg, cnt
	lock notl cnt
	SHOWM lock_not, cnt
	movl $0x0100,%eax
	lock xaddl %eax,cnt
	SHOW lock_xadd_old, %eax
	SHOWM lock_xadd_new, cnt
	lock incw cnt
	SHOWM lock_incw, cnt
	lock addb $0x80,cnt
	SHOWF lock_addb, %eax, ARITH
	SHOWM lock_addb_result, cnt
	movl $2,%ebx
	lock adcl %ebx,cnt
	lock sbbl %ebx,cnt
	SHOWM lock_adc_sbb, cnt

	/* ---- redundant and ignored prefixes ---- */
	movl $0x42,mem3
	movl %ds:mem3,%eax
	SHOW ds_override, %eax
	movl %ss:mem3,%eax
	SHOW ss_override, %eax
	movl %es:mem3,%eax
	SHOW es_override, %eax
	.byte 0x3e, 0x3e         /* ds ds */
	movl mem3,%ecx
	SHOW double_ds_prefix, %ecx
	.byte 0x26, 0x2e, 0x36   /* es cs ss: last segment prefix wins (ss) */
	movl mem3,%ecx
	SHOW many_seg_prefixes, %ecx
	xorl %eax,%eax
	cmpl $0,%eax
	.byte 0x3e               /* branch-taken hint */
	je 4f
	movl $0xbad,%eax
4:	SHOW hinted_je, %eax
	.byte 0x2e               /* branch-not-taken hint */
	jne 5f
	movl $0x600d,%eax
5:	SHOW hinted_jne, %eax
	call rep_ret_fn
	SHOW rep_ret, %eax
	.byte 0xf3, 0x90         /* pause */
	.byte 0x66, 0x66, 0x90   /* data16 data16 nop */
	.byte 0x66, 0x2e, 0x0f, 0x1f, 0x84, 0x00, 0x00, 0x00, 0x00, 0x00 /* nopw %cs:0(%eax,%eax,1) */
	movl $0x22221111,%eax
	SHOW nops, %eax

	/* ---- prefix ordering: 66 f3 ab and f3 66 ab ---- */
	leal buf,%edi
	movl $0x99887766,%eax
	movl $3,%ecx
	cld
	.byte 0x66, 0xf3, 0xab    /* rep stosw */
	SHOW rep_stosw_66f3_ecx, %ecx
	movl $2,%ecx
	.byte 0xf3, 0x66, 0xab    /* rep stosw */
	SHOW rep_stosw_f366_ecx, %ecx
	movl %edi,%eax
	subl $buf,%eax
	SHOW rep_stosw_bytes, %eax
	SHOWM buf0, buf
	SHOWM buf4, buf+4
	SHOWM buf8, buf+8
	/* 16-bit movs/cmps */
	leal buf,%esi
	leal buf+32,%edi
	movl $5,%ecx
	rep movsw
	SHOWM movsw_dst0, buf+32
	SHOWM movsw_dst4, buf+36
	SHOWM movsw_dst8, buf+40
	leal buf,%esi
	leal buf+32,%edi
	movl $5,%ecx
	repe cmpsw
	SHOWF repe_cmpsw_ecx, %ecx, ARITH

	/* ---- xlat ---- */
	leal table,%ebx
	movl $0x11111107,%eax
	xlat
	SHOW xlat, %eax

	movl $0,%eax
	popl %edi
	popl %esi
	popl %ebx
	popl %ebp
	ret

rep_ret_fn:
	movl $0x5e7,%eax
	.byte 0xf3
	ret

	.bss
	.align 16
buf:	.space 64
