# report.awk - per-name-prefix totals over numbers.csv
BEGIN { FS = ","; OFS = "\t" }
NR == 1 { next }
{
    prefix = $2
    sub(/[0-9]+$/, "", prefix)
    qty[prefix] += $3
    value[prefix] += $3 * $4
    if (!(prefix in minp) || $4 < minp[prefix]) minp[prefix] = $4
    n[prefix]++
    total += $3 * $4
}
END {
    count = 0
    for (p in n) keys[++count] = p
    # insertion sort for a deterministic order
    for (i = 2; i <= count; i++) {
        k = keys[i]
        for (j = i - 1; j > 0 && keys[j] > k; j--) keys[j + 1] = keys[j]
        keys[j + 1] = k
    }
    for (i = 1; i <= count; i++) {
        p = keys[i]
        printf "%-10s %3d %6d %12.3f %8.2f %9.4f\n", p, n[p], qty[p], value[p], minp[p], value[p] / total * 100
    }
    printf "total %.3f avg %.6e\n", total, total / (NR - 1)
}
