# Frontend (React + TypeScript + Vite) targets. Included from the top Makefile;
# paths are relative to the repository root.
#
#   make frontend-deps    npm ci when node_modules is missing or older than the lock file
#   make frontend         build frontend/dist (embedded into the Go binary)
#   make frontend-check   tsc --noEmit (strict) and the vitest unit tests
#   make e2e SOCAI_BIN=path/to/socai
#                         end-to-end test: socai serve + headless Debian chromium;
#                         after a failure it prints build/e2e-failures/report.txt

ifndef SOCAI_FRONTEND_MK
SOCAI_FRONTEND_MK := 1

_frontend_saved_goal := $(.DEFAULT_GOAL)

FRONTEND_DIR ?= frontend
NPM ?= npm
E2E_FAILURES ?= $(CURDIR)/build/e2e-failures

# npm ci writes node_modules/.package-lock.json: its age tells whether the
# installed packages match package-lock.json.
FRONTEND_STAMP := $(FRONTEND_DIR)/node_modules/.package-lock.json
FRONTEND_SRC := $(shell find $(FRONTEND_DIR)/src $(FRONTEND_DIR)/public -type f 2>/dev/null) \
	$(wildcard $(FRONTEND_DIR)/index.html $(FRONTEND_DIR)/vite.config.ts \
	  $(FRONTEND_DIR)/tsconfig.json $(FRONTEND_DIR)/package.json)

.PHONY: frontend-deps frontend frontend-check e2e

frontend-deps: $(FRONTEND_STAMP)

$(FRONTEND_STAMP): $(FRONTEND_DIR)/package-lock.json $(FRONTEND_DIR)/package.json
	cd $(FRONTEND_DIR) && $(NPM) ci
	touch $@

frontend: $(FRONTEND_DIR)/dist/index.html

$(FRONTEND_DIR)/dist/index.html: $(FRONTEND_STAMP) $(FRONTEND_SRC)
	cd $(FRONTEND_DIR) && $(NPM) run build

frontend-check: frontend-deps
	cd $(FRONTEND_DIR) && $(NPM) run typecheck
	cd $(FRONTEND_DIR) && $(NPM) test

e2e: frontend-deps
	@test -n "$(SOCAI_BIN)" || { echo "e2e: set SOCAI_BIN to the built socai binary, e.g. make e2e SOCAI_BIN=./socai" >&2; exit 2; }
	@test -x "$(abspath $(SOCAI_BIN))" || { echo "e2e: $(SOCAI_BIN) is not an executable file" >&2; exit 2; }
	cd $(FRONTEND_DIR) && SOCAI_BIN="$(abspath $(SOCAI_BIN))" SOCAI_E2E_FAILURES="$(E2E_FAILURES)" $(NPM) run e2e || { \
	  cat "$(E2E_FAILURES)/report.txt" 2>/dev/null; exit 1; }

# An included fragment must not choose the default goal of the top Makefile.
.DEFAULT_GOAL := $(_frontend_saved_goal)

endif
