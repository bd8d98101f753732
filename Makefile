# socai – make run: the app; make test: every test. Both install what they
# need first (scripts/deps.sh: apt packages, the Wails CLI v2.15.0, npm packages).

SHELL := /bin/bash
GO ?= go
# Debian 12 ships WebKitGTK 4.1; Wails needs this tag to link against it.
GO_TAGS ?= webkit2_41
GOPATH_BIN := $(shell $(GO) env GOPATH 2>/dev/null)/bin
export PATH := $(GOPATH_BIN):$(PATH)
BIN := build/bin/socai

.DEFAULT_GOAL := help

include mk/frontend.mk
include mk/windows.mk
-include mk/bench.mk

.PHONY: help deps build run test vet gotest screenshots clean

help:
	@echo "make run          cài đặt phụ thuộc, dựng và mở ứng dụng (install deps, build, open the app)"
	@echo "make test         go vet, go test -race, frontend type-check + unit, e2e in Chromium, Windows installer"
	@echo "make bench        benchmarks of the event store, each beside its limit"
	@echo "make windows      socai.exe and its NSIS installer (build/bin/)"
	@echo "make screenshots  the real window under Xvfb and the pages in Chromium → docs/screenshots/"

deps:
	@echo "== deps: apt packages, Wails CLI, npm packages (scripts/deps.sh)"
	sh scripts/deps.sh

# The Linux desktop binary, frontend embedded. wails build adds the
# production tags; the frontend is built by make (-s), bindings are not used.
build: deps frontend
	@echo "== build: $(BIN)"
	wails build -s -m -skipbindings -trimpath -tags "$(GO_TAGS)"
	@test -x $(BIN)

run: build
	@echo "== run: $(BIN) (sổ cái mặc định: $${SOCAI_DB:-thư mục cấu hình người dùng/socai/socai.db})"
	$(BIN)

vet: deps
	@echo "== go vet"
	$(GO) vet -tags "$(GO_TAGS)" ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { echo "not gofmt'ed:"; gofmt -l $$(git ls-files '*.go'); exit 1; }
	@# the bench summary reads a real run's output: every goal line, no awk error
	@test "$$(sh scripts/bench-summary.sh scripts/testdata/bench-sample.txt | grep -c '(goal')" = 9 || { echo "scripts/bench-summary.sh is broken"; exit 1; }

gotest: deps
	@echo "== go test -race"
	$(GO) test -race -tags "$(GO_TAGS)" ./...

test: deps vet gotest frontend-check build
	@echo "== e2e (Chromium against socai serve)"
	$(MAKE) --no-print-directory e2e SOCAI_BIN=$(BIN)
	@echo "== windows installer"
	$(MAKE) --no-print-directory windows
	@echo "== make test: all passed"

screenshots: build
	@echo "== screenshots: window under Xvfb, pages in Chromium"
	bash scripts/screenshot-window.sh $(BIN) docs/screenshots/window.png
	SOCAI_SCREENSHOTS=$(CURDIR)/docs/screenshots $(MAKE) --no-print-directory e2e SOCAI_BIN=$(BIN)
	@echo "== screenshots: the DOCX reports through LibreOffice → PDF → PNG"
	SOCAI_SCREENSHOTS=$(CURDIR)/docs/screenshots go test ./app -run 'ReportDocx' -count=1
	sh scripts/render-xlsx.sh $(BIN) docs/screenshots/xlsx-ke-hoach-mo-lop.png

clean:
	rm -rf build/bin frontend/dist/assets frontend/dist/index.html
