# Windows build: socai.exe and its NSIS installer, cross-compiled on Linux with
# mingw-w64 and the Wails CLI (v2.15.0). Included from the top Makefile, or alone:
#   make -f mk/windows.mk windows
# Variables: WAILS_TAGS (go build tags), WAILS_LDFLAGS, WAILS (path of the CLI).

ifndef SOCAI_WINDOWS_MK
SOCAI_WINDOWS_MK := 1

_windows_saved_goal := $(.DEFAULT_GOAL)

include $(dir $(lastword $(MAKEFILE_LIST)))frontend.mk

GOPATH_BIN := $(shell go env GOPATH 2>/dev/null)/bin
WAILS ?= $(firstword $(wildcard $(GOPATH_BIN)/wails) $(shell command -v wails 2>/dev/null) wails)
MINGW_CC ?= x86_64-w64-mingw32-gcc
MINGW_OBJDUMP ?= x86_64-w64-mingw32-objdump
WAILS_TAGS ?=
WAILS_LDFLAGS ?=

WINDOWS_EXE := build/bin/socai.exe
# The console build of the same program, for the command line on Windows.
WINDOWS_COM := build/bin/socai.com
# wails names it <name>-<arch>-installer.exe (OutFile in build/windows/installer/project.nsi)
WINDOWS_INSTALLER := build/bin/socai-amd64-installer.exe

.PHONY: windows windows-tools

windows-tools:
	@command -v $(MINGW_CC) >/dev/null || { echo "windows: $(MINGW_CC) missing (apt-get install gcc-mingw-w64-x86-64; see scripts/deps.sh)" >&2; exit 2; }
	@command -v makensis >/dev/null || { echo "windows: makensis missing (apt-get install nsis; see scripts/deps.sh)" >&2; exit 2; }
	@command -v $(WAILS) >/dev/null || { echo "windows: Wails CLI missing (go install github.com/wailsapp/wails/v2/cmd/wails@v2.15.0)" >&2; exit 2; }

# The frontend is built by make (frontend.mk), so wails skips it (-s); the UI does
# not use the generated wailsjs bindings (-skipbindings); go.mod is left alone (-m: no go mod tidy).
windows: windows-tools frontend
	rm -f $(WINDOWS_EXE) $(WINDOWS_COM) $(WINDOWS_INSTALLER)
	mkdir -p build/bin
	CGO_ENABLED=1 CC=$(MINGW_CC) GOOS=windows GOARCH=amd64 go build -tags "desktop production $(WAILS_TAGS)" \
		-trimpath -ldflags "-w -s $(WAILS_LDFLAGS)" -o $(WINDOWS_COM) .
	$(MINGW_OBJDUMP) -p $(WINDOWS_COM) | grep -Eq '^Subsystem[[:space:]]+00000003' || { echo "windows: $(WINDOWS_COM) is not a console program" >&2; exit 1; }
	CGO_ENABLED=1 CC=$(MINGW_CC) $(WAILS) build -platform windows/amd64 -nsis -s -m -skipbindings -trimpath \
		$(if $(strip $(WAILS_TAGS)),-tags "$(WAILS_TAGS)") \
		$(if $(strip $(WAILS_LDFLAGS)),-ldflags "$(WAILS_LDFLAGS)")
	@test -s $(WINDOWS_INSTALLER) || { echo "windows: installer $(WINDOWS_INSTALLER) was not produced" >&2; ls -la build/bin >&2 || true; exit 1; }
	@test -s $(WINDOWS_EXE) || { echo "windows: $(WINDOWS_EXE) was not produced" >&2; exit 1; }
	@# objdump's report is kept in build/bin/socai.exe.objdump.txt only when a check fails
	@$(MINGW_OBJDUMP) -p $(WINDOWS_EXE) > build/bin/socai.exe.objdump.txt
	@grep -q 'file format pei-x86-64' build/bin/socai.exe.objdump.txt || { echo "windows: $(WINDOWS_EXE) is not a PE x86-64 file" >&2; exit 1; }
	@grep -Eq '^Magic[[:space:]]+020b[[:space:]]+\(PE32\+\)' build/bin/socai.exe.objdump.txt || { echo "windows: $(WINDOWS_EXE) is not PE32+" >&2; exit 1; }
	@grep -qi 'DLL Name: KERNEL32.dll' build/bin/socai.exe.objdump.txt || { echo "windows: $(WINDOWS_EXE) imports nothing from KERNEL32.dll" >&2; exit 1; }
	@grep -Eq '^Subsystem[[:space:]]+00000002' build/bin/socai.exe.objdump.txt || { echo "windows: $(WINDOWS_EXE) is not a Windows GUI executable" >&2; exit 1; }
	@$(MINGW_OBJDUMP) -f $(WINDOWS_INSTALLER) | grep -q 'file format pei-i386' || { echo "windows: $(WINDOWS_INSTALLER) is not a Windows executable" >&2; exit 1; }
	@echo "windows: $(WINDOWS_EXE) ($$(stat -c %s $(WINDOWS_EXE)) bytes, PE32+ x86-64, GUI, imports: $$(grep -ci 'DLL Name:' build/bin/socai.exe.objdump.txt) DLLs)"
	@echo "windows: $(WINDOWS_COM) ($$(stat -c %s $(WINDOWS_COM)) bytes, console, for the command line)"
	@echo "windows: $(WINDOWS_INSTALLER) ($$(stat -c %s $(WINDOWS_INSTALLER)) bytes)"
	@rm -f build/bin/socai.exe.objdump.txt

.DEFAULT_GOAL := $(_windows_saved_goal)

endif
