#!/bin/bash
# interleave.sh N "name|prepare|command" ... : runs each variant once per round, N rounds; prints medians
N=$1; shift
declare -A times
for i in $(seq $N); do
  for v in "$@"; do
    IFS='|' read -r name prep cmd <<< "$v"
    eval "$prep" >/dev/null 2>&1
    s=$(date +%s%N); eval "$cmd" >/dev/null 2>&1; e=$(date +%s%N)
    times[$name]="${times[$name]} $(( (e-s)/1000000 ))"
  done
done
for v in "$@"; do IFS='|' read -r name prep cmd <<< "$v"; echo "$name: median $(echo ${times[$name]} | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') [${times[$name]} ]"; done
