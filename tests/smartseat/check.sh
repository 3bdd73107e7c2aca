#!/usr/bin/env bash
# Regression test on real recordings from the SmartSeat research chair (README.md here).
# Every log must replay without error; occupancy must be right on the labelled rows; posture is
# judged against each subject's own upright baseline (their first recording) and must not fall
# below the figures measured when this test was written.
#   check.sh CHAIRHUB
set -euo pipefail
chairhub=$(realpath "$1")
cd "$(dirname "$0")"
config=smartseat.config.toml
# Recordings of these subjects were re-tared with load on the seat: their raw sums are negative
# or near zero, so no fixed calibration can see them seated. Kept to show it, not scored.
unscorable=" 05 40 "
min_occupancy=95.0   # per scored subject, percent of labelled rows
min_posture=75.0     # mean over scored subjects, percent (measured: 78.4)
min_balanced=72.0    # upright vs. not, balanced, mean over scored subjects (measured: 76.8)
min_learnt=95.0      # the same with each subject's posture model from their log (measured: 98.7)
min_unseen=64.0      # ...learnt from each label's first recording only (measured: 67.0)

failed=0
for f in data/*.csv; do
  if ! "$chairhub" replay "$f" --config "$config" > /dev/null; then
    echo "FAILED: $f does not replay"; failed=1
  fi
done

accuracy() {  # accuracy KIND EVAL_OUTPUT
  awk -v kind="$1:" '$1 == kind { print $3 }' <<< "$2"
}

empty=$(accuracy occupancy "$("$chairhub" eval data/empty_2019-06-14.csv --config "$config")")
echo "empty chair: occupancy $empty %"
awk -v a="$empty" 'BEGIN { exit !(a == 100.0) }' || { echo "FAILED: the empty chair was seen occupied"; failed=1; }

sum=0; n=0
printf '%-8s %10s %8s\n' subject occupancy posture
for f in data/subject_*.csv; do
  subject=${f#data/subject_}; subject=${subject%.csv}
  # The first recording is upright sitting ("correct"); it ends at the first gap in time.
  first_end=$(awk -F, '!/^#/ && $1 != "t" { if (p != "" && $1 - p > 2) { print p; exit } p = $1 }' "$f")
  [ -n "$first_end" ] || continue
  out=$("$chairhub" eval "$f" --config "$config" --baseline "0:$first_end")
  occ=$(accuracy occupancy "$out"); pos=$(accuracy posture "$out")
  note=""
  if [[ $unscorable == *" $subject "* ]]; then
    note="(not scored: re-tared under load)"
  else
    awk -v a="$occ" -v m="$min_occupancy" 'BEGIN { exit !(a >= m) }' ||
      { note="FAILED: occupancy below $min_occupancy %"; failed=1; }
    sum=$(awk -v s="$sum" -v p="$pos" 'BEGIN { print s + p }'); n=$((n + 1))
  fi
  printf '%-8s %9s%% %7s%% %s\n' "$subject" "$occ" "$pos" "$note"
done
mean=$(awk -v s="$sum" -v n="$n" 'BEGIN { printf "%.1f", s / n }')
echo "posture, mean over $n scored subjects: $mean %"
awk -v a="$mean" -v m="$min_posture" 'BEGIN { exit !(a >= m) }' || { echo "FAILED: posture below $min_posture %"; failed=1; }

# Upright vs. not, balanced, per subject against their first recording (the README's figure).
scored=()
for f in data/subject_*.csv; do
  subject=${f#data/subject_}; subject=${subject%.csv}
  [[ $unscorable == *" $subject "* ]] || ! grep -q ',correct$' "$f" || scored+=("$f")
done
report=$("$chairhub" eval "${scored[@]}" --config "$config" --baseline first)
echo "$report"
balanced=$(awk '$1 == "mean" { print $2 }' <<< "$report")
awk -v a="$balanced" -v m="$min_balanced" 'BEGIN { exit !(a >= m) }' ||
  { echo "FAILED: balanced accuracy below $min_balanced %"; failed=1; }

# The same with each subject's own posture model (docs/posture-model.md), learnt from their log:
# all of it, then each label's first recording only (the second upright recording unseen).
for learn in "" --first-recordings; do
  report=$("$chairhub" eval "${scored[@]}" --config "$config" --baseline first --learn-postures $learn)
  echo "$report"
  balanced=$(awk '$1 == "mean" { print $2 }' <<< "$report")
  least=$([ -z "$learn" ] && echo "$min_learnt" || echo "$min_unseen")
  awk -v a="$balanced" -v m="$least" 'BEGIN { exit !(a >= m) }' ||
    { echo "FAILED: balanced accuracy with posture models ${learn} below $least %"; failed=1; }
done
exit $failed
