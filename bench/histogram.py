"""p50 and p99 (bucket upper bounds, as Prometheus's histogram_quantile would bound them) of the histograms in a /metrics
text read from stdin whose series match argv[1] (a regular expression over the metric name and labels)."""
import re
import sys
from collections import defaultdict

wanted = re.compile(sys.argv[1])
buckets = defaultdict(list)
for line in sys.stdin:
    m = re.match(r'^(\w+)_bucket\{(.*)\} (\S+)', line)
    if not m or not wanted.search(m.group(1) + '{' + m.group(2) + '}'):
        continue
    labels = re.sub(r',?le="[^"]*"', '', m.group(2))
    le = re.search(r'le="([^"]*)"', m.group(2)).group(1)
    buckets[(m.group(1), labels)].append((float('inf') if le == '+Inf' else float(le), float(m.group(3))))
for (name, labels), rows in sorted(buckets.items()):
    rows.sort()
    total = rows[-1][1]
    if total == 0:
        continue
    def quantile(q):
        return next(le for le, count in rows if count >= q * total)
    print(f"{name}{{{labels}}} count={total:.0f} p50<={quantile(0.5) * 1000:g}ms p99<={quantile(0.99) * 1000:g}ms")
