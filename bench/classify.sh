#!/usr/bin/env bash
# Bounce classifier throughput: Herald vs Debian's Sisimai (libsisimai-perl) on the corpus's 629 bsd emails,
# single-threaded, in the same run. Prints both rates, the ratio, and Herald's peak memory.
# usage: bench/classify.sh [PASSES]   (corpus: ../shared/bounce-corpus from the repo root, or $BOUNCE_CORPUS)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
passes="${1:-5}"
corpus="${BOUNCE_CORPUS:-}"
if [ -z "$corpus" ]; then
  d="$repo"
  while [ "$d" != "/" ]; do
    d="$(dirname "$d")"
    if [ -d "$d/shared/bounce-corpus" ]; then corpus="$d/shared/bounce-corpus"; break; fi
  done
fi
maildir="$corpus/sisimai-set-of-emails/maildir/bsd"
[ -d "$maildir" ] || { echo "bounce corpus not found (set BOUNCE_CORPUS)" >&2; exit 2; }
count="$(ls "$maildir"/*.eml | wc -l)"

dotnet build -c Release "$here/Herald.Bench.Classify/Herald.Bench.Classify.csproj" -v quiet -nologo >/dev/null
bin="$here/Herald.Bench.Classify/bin/Release/net10.0/Herald.Bench.Classify"

echo "== Herald ($count emails, $passes timed passes after a warm-up, 1 thread)"
herald_out="$(/usr/bin/time -v "$bin" "$maildir" "$passes" 2>/tmp/herald-bench-time.$$)"
echo "$herald_out" | grep -v '^HERALD_RATE='
read -r herald_rate herald_cpu_rate <<<"$(echo "$herald_out" | sed -n 's/^HERALD_RATE=//p')"
peak_kb="$(sed -n 's/.*Maximum resident set size (kbytes): //p' /tmp/herald-bench-time.$$)"
rm -f /tmp/herald-bench-time.$$
echo "herald peak RSS (whole process, /usr/bin/time -v): $((peak_kb / 1024)) MB"

echo "== Hostile inputs (each must finish in < 2 s and < 256 MB; the tests assert the results)"
"$bin" "$maildir" 1 --hostile | grep '^hostile:'
hostile_kb="$( { /usr/bin/time -v "$bin" "$maildir" 1 --hostile >/dev/null; } 2>&1 | sed -n 's/.*Maximum resident set size (kbytes): //p')"
echo "peak RSS of the run with the hostile inputs: $((hostile_kb / 1024)) MB"

if perl -MSisimai -e1 2>/dev/null; then
  echo "== Sisimai $(perl -MSisimai -e 'print $Sisimai::VERSION') ($count emails, $passes passes, 1 thread)"
  read -r sisimai_rate sisimai_cpu_rate <<<"$(perl -MSisimai -MTime::HiRes=time -e '
    my ($dir, $passes) = @ARGV; my $r = 0;
    my @f = glob("$dir/*.eml"); my $n = scalar @f;
    Sisimai->make($dir);  # warm-up, like the Herald side
    my @c0 = times; my $t = time;
    for (1..$passes) { my $v = Sisimai->make($dir) || []; $r = scalar @$v; }
    my $s = time - $t; my @c1 = times; my $cpu = ($c1[0] + $c1[1]) - ($c0[0] + $c0[1]);
    printf STDERR "sisimai: %d emails x %d passes in %.3f s wall = %.0f emails/s; %.3f s CPU = %.0f emails/CPU-s; %d records per pass\n", $n, $passes, $s, $n*$passes/$s, $cpu, $n*$passes/$cpu, $r;
    printf "%.1f %.1f", $n*$passes/$s, $n*$passes/$cpu;' "$maildir" "$passes")"
  echo "== ratio (wall):     herald $herald_rate emails/s / sisimai $sisimai_rate emails/s = $(perl -e "printf '%.1f', $herald_rate/$sisimai_rate")x"
  echo "== ratio (CPU time): herald $herald_cpu_rate emails/CPU-s / sisimai $sisimai_cpu_rate emails/CPU-s = $(perl -e "printf '%.1f', $herald_cpu_rate/$sisimai_cpu_rate")x"
  echo "   (wall-clock rates depend on what else the machine runs; CPU-time rates much less)"
else
  echo "Sisimai is not installed (apt-get install libsisimai-perl); Herald rate only."
fi

# End to end from the command line (issue 14): the published `herald classify` (ReadyToRun, start-up included) against
# Sisimai's one-liner (`perl -MSisimai -e 'print Sisimai->dump(DIR)'`, what its documentation gives for the shell) on
# the same 6,000+ emails: the corpus copied ten times into one folder. One process each; wall time, CPU time, peak RSS.
# Plus one-shot start-up: `herald explain "text"` and `herald classify ONE.eml` against Sisimai on one email.
echo "== End to end: herald classify vs Sisimai's command, 10 copies of the corpus, one process each"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/mail"
for copy in 0 1 2 3 4 5 6 7 8 9; do
  for f in "$maildir"/*.eml; do ln -s "$f" "$work/mail/$copy-$(basename "$f")"; done
done
total="$(ls "$work/mail" | wc -l)"
dotnet publish -c Release -v quiet -nologo "$repo/src/Herald.Cli/Herald.Cli.csproj" -o "$work/herald" >/dev/null
herald="$work/herald/herald"

# wall and CPU seconds and peak RSS (MB) of one run of "$@", from /usr/bin/time.
measure() {
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; return 1; }
  read -r wall user sys kb <"$work/time"
  echo "$wall $(perl -e "printf '%.2f', $user + $sys") $((kb / 1024))"
}

read -r h_wall h_cpu h_mb <<<"$(measure "$herald" classify "$work"/mail/*.eml)"
echo "herald classify: $total emails in $h_wall s wall ($h_cpu s CPU), peak RSS $h_mb MB = $(perl -e "printf '%.0f', $total/$h_wall") emails/s"

# start-up: 20 runs of a one-shot command after one untimed run, from /usr/bin/time (10 ms resolution): prints the mean and
# the minimum wall time and the mean and minimum CPU time (user + system), milliseconds. On a shared machine the minimum
# and the CPU time are the steadier figures; Sisimai is measured in the same minute.
startup() {
  local n=20
  "$@" >/dev/null 2>&1 || true
  for _ in $(seq $n); do
    /usr/bin/time -f '%e %U %S' -o "$work/time" "$@" >/dev/null 2>&1 || true
    cat "$work/time"
  done | awk '{ w = $1 * 1000; c = ($2 + $3) * 1000; sw += w; sc += c
                if (NR == 1 || w < mw) mw = w; if (NR == 1 || c < mc) mc = c }
              END { printf "%.0f %.0f %.0f %.0f", sw / NR, mw, sc / NR, mc }'
}
# The first email by glob, not `ls | head -1`: under `set -o pipefail` head's early exit kills ls with SIGPIPE and the
# script stopped there with status 141.
emails=("$maildir"/*.eml)
one="${emails[0]}"
read -r he_wall he_min he_cpu he_cpu_min <<<"$(startup "$herald" explain "550 5.1.1 <a@example.org>: Recipient address rejected: User unknown")"
read -r ho_wall ho_min ho_cpu ho_cpu_min <<<"$(startup "$herald" classify "$one")"
echo "herald one-shot (20 runs; wall mean/min, CPU mean/min, ms): explain \"550 5.1.1 ...\" $he_wall/$he_min, CPU $he_cpu/$he_cpu_min; classify ONE.eml $ho_wall/$ho_min, CPU $ho_cpu/$ho_cpu_min"

if perl -MSisimai -e1 2>/dev/null; then
  read -r s_wall s_cpu s_mb <<<"$(measure perl -MSisimai -e 'print Sisimai->dump($ARGV[0])' "$work/mail")"
  echo "sisimai dump:    $total emails in $s_wall s wall ($s_cpu s CPU), peak RSS $s_mb MB = $(perl -e "printf '%.0f', $total/$s_wall") emails/s"
  read -r so_wall so_min so_cpu so_cpu_min <<<"$(startup perl -MSisimai -e 'print Sisimai->dump($ARGV[0])' "$one")"
  echo "sisimai one-shot (20 runs; wall mean/min, CPU mean/min, ms): dump ONE.eml $so_wall/$so_min, CPU $so_cpu/$so_cpu_min"
  echo "== end-to-end ratio (wall): sisimai $s_wall s / herald $h_wall s = $(perl -e "printf '%.1f', $s_wall/$h_wall")x; (CPU): $(perl -e "printf '%.1f', $s_cpu/$h_cpu")x; herald peak RSS $h_mb MB (goal: >= 10x, < 100 MB)"
  ratio() { perl -e "printf '%.2f', $1/($2 > 0 ? $2 : 1)"; }
  echo "== start-up ratio (wall mean; min; CPU mean): classify ONE.eml $(ratio "$ho_wall" "$so_wall")x; $(ratio "$ho_min" "$so_min")x; $(ratio "$ho_cpu" "$so_cpu")x; explain $(ratio "$he_wall" "$so_wall")x; $(ratio "$he_min" "$so_min")x; $(ratio "$he_cpu" "$so_cpu")x (goal: <= 2x)"
fi
