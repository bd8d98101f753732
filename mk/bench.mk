# Benchmarks of the event store (./events) and of the domain (./app: rebuild of
# every projection, one command, a page of the log over 1M events, as-of
# questions from snapshots against a full rebuild, export and import of a
# 100k-event bundle), each figure beside its limit measured in the same run,
# then the ratios against the goals (scripts/bench-summary.sh).
#
#   make -f mk/bench.mk bench
#   make -f mk/bench.mk bench BENCH=Verify     # one benchmark only
#   make -f mk/bench.mk bench BENCHFLAGS='-cpuprofile /tmp/cpu.out'
#
# Each op of a throughput benchmark runs 5 rounds and reports the best one,
# so -benchtime=1x is enough; the whole run takes about three minutes
# (building the 1M-event ledger of BenchmarkLogPage takes most of it).

GO         ?= go
BENCH      ?= .
BENCHFLAGS ?=
BENCH_OUT  ?= $(or $(TMPDIR),/tmp)/socai-bench.txt

.PHONY: bench
bench:
	@rm -f $(BENCH_OUT).rc
	@{ $(GO) test -run '^$$' -bench '$(BENCH)' -benchtime=1x -count=1 -timeout 10m $(BENCHFLAGS) ./events/ ./app/ 2>&1; \
	   echo $$? > $(BENCH_OUT).rc; } | tee $(BENCH_OUT)
	@echo
	@sh scripts/bench-summary.sh $(BENCH_OUT)
	@rc=$$(cat $(BENCH_OUT).rc); rm -f $(BENCH_OUT).rc; exit $$rc
