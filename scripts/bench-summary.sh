#!/bin/sh
# Summarises the output of the event store benchmarks (make -f mk/bench.mk
# bench): each figure beside its limit, the ratio and the goal.
# Usage: scripts/bench-summary.sh [go-test-bench-output]   (default: stdin)
set -eu
awk '
# metric(name): the value printed before the unit "name" on this line.
function metric(name,   i) {
	for (i = 3; i <= NF; i++) if ($i == name) return $(i - 1)
	return ""
}
function verdict(ok) { return ok ? "ok" : "MISSED" }
/^BenchmarkAppend100k\/store/ { store = metric("events/s") }
/^BenchmarkAppend100k\/plain/ { plain = metric("events/s") }
/^BenchmarkAppendSingle/      { p50 = metric("p50-ms"); p99 = metric("p99-ms"); pmax = metric("max-ms") }
/^BenchmarkVerify100k\/verify/ { verify = metric("best-ms") }
/^BenchmarkVerify100k\/scan/   { scan = metric("best-ms") }
/^BenchmarkRebuild100k\/rebuild/ { rebuild = metric("best-ms") }
/^BenchmarkRebuild100k\/scan/    { rscan = metric("best-ms") }
/^BenchmarkCommand/             { cp50 = metric("p50-ms"); cp99 = metric("p99-ms") }
/^BenchmarkBundle100k\/export/ { bexport = metric("best-ms") }
/^BenchmarkBundle100k\/copy/   { bcopy = metric("best-ms") }
/^BenchmarkBundle100k\/import/ { bimport = metric("best-ms") }
/^BenchmarkBundle100k\/insert/ { binsert = metric("best-ms") }
/^BenchmarkLogPage\/[a-z0-9-]+-[0-9]+ / { split($1, parts, "/"); sub(/-[0-9]+$/, "", parts[2]); logms[parts[2]] = metric("best-ms") }
/^BenchmarkAsOfRandom/          { asof = metric("mean-ms"); replay = metric("replay-mean-ms"); snaps = metric("snapshots"); snapmb = metric("snapshot-MB"); assisted = metric("from-snapshot") }
/^BenchmarkFullRebuild/         { full = metric("best-ms") }
END {
	if (store != "" && plain != "") {
		r = store / plain
		printf "append 100k: store %.0f ev/s vs plain insert %.0f ev/s = %.2f (goal >= 0.60) %s\n", store, plain, r, verdict(r >= 0.6)
	}
	if (p99 != "")
		printf "single append: p50 %.2f ms, p99 %.2f ms, max %.2f ms (goal p99 < 10 ms) %s\n", p50, p99, pmax, verdict(p99 < 10)
	if (verify != "" && scan != "") {
		r = verify / scan
		printf "verify 100k: verify %.0f ms vs plain scan %.0f ms = %.2fx (goal <= 1.50x) %s\n", verify, scan, r, verdict(r <= 1.5)
	}
	if (rebuild != "" && rscan != "") {
		r = rebuild / rscan
		printf "rebuild 100k: all projections %.0f ms vs plain scan %.0f ms = %.2fx (goal <= 2.50x) %s\n", rebuild, rscan, r, verdict(r <= 2.5)
	}
	if (cp99 != "")
		printf "one command (validate + append + projections): p50 %.2f ms, p99 %.2f ms (goal p99 < 10 ms) %s\n", cp50, cp99, verdict(cp99 < 10)
	if (bexport != "" && binsert != "") {
		r = bexport / binsert
		printf "bundle of 100k: export %.0f ms vs plain batched insert %.0f ms = %.2fx (goal <= 2.00x) %s; file copy %.0f ms (export = %.1fx copy)\n", bexport, binsert, r, verdict(r <= 2), bcopy, bexport / bcopy
	}
	if (bimport != "" && binsert != "") {
		r = bimport / binsert
		printf "bundle of 100k: import %.0f ms vs plain batched insert %.0f ms = %.2fx (goal <= 3.00x) %s\n", bimport, binsert, r, verdict(r <= 3)
	}
	if (logms["newest"] != "" && logms["deep"] != "") {
		worst = logms["newest"] > logms["deep"] ? logms["newest"] : logms["deep"]
		printf "log of 1M events, a page of 50 with its total: newest %.1f ms, deep %.1f ms, 1000 pages on %.1f ms (goal < 100 ms) %s\n", logms["newest"], logms["deep"], logms["skip1000pages"], verdict(worst < 100)
		printf "  filtered, with total: type %.1f ms, actor %.1f ms, dates %.1f ms, school %.1f ms; next pages without total: actor %.1f ms, dates %.1f ms, school %.1f ms\n", logms["type"], logms["actor"], logms["dates"], logms["school"], logms["actor-nototal"], logms["dates-nototal"], logms["school-nototal"]
	}
	if (asof != "" && full != "") {
		r = asof / full
		printf "as-of 100k at random moments: %.1f ms from snapshots vs full rebuild %.0f ms = %.3f (goal < 0.10) %s\n", asof, full, r, verdict(r < 0.1)
		printf "  the same moments replayed without snapshots: %.0f ms (snapshots %.3f of it); %d of them from a snapshot; %d snapshots, %.1f MB\n", replay, asof / replay, assisted, snaps, snapmb
	}
}' "${1:--}"
