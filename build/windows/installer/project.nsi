Unicode true

####
## Installer of socai – Sổ cái Cụm thi đua.
##
## Built by `wails build -platform windows/amd64 -nsis` (see mk/windows.mk), which
## regenerates wails_tools.nsh next to this file on every build and passes
## ARG_WAILS_AMD64_BINARY. By hand, after one such build:
##   makensis -DARG_WAILS_AMD64_BINARY=../../bin/socai.exe project.nsi
##
## Per-machine install into Program Files (needs administrator rights), Start menu
## and desktop shortcuts, an uninstaller registered in "Apps & features".
## The uninstaller removes the program only: the ledger database and the user's
## files are never touched.
####

## Values that would otherwise come from wails.json through wails_tools.nsh.
!define INFO_PROJECTNAME        "socai"
!define PRODUCT_EXECUTABLE      "socai.exe"
!define UNINST_KEY_NAME         "socai"
!define REQUEST_EXECUTION_LEVEL "admin"
!ifndef WAILS_INSTALL_SCOPE
    !define WAILS_INSTALL_SCOPE "machine"
!endif

## Vietnamese texts of the wails macros.
!define WAILS_WIN10_REQUIRED "Phần mềm này chỉ chạy trên Windows 10 (Server 2016) trở lên."
!define WAILS_ARCHITECTURE_NOT_SUPPORTED "Không cài được phần mềm này trên kiến trúc Windows hiện tại. Hỗ trợ: Windows 64-bit (x64)."
!define WAILS_INSTALL_WEBVIEW_DETAILPRINT "Đang cài đặt: WebView2 Runtime"

!include "wails_tools.nsh"

# The version information for these two must consist of 4 parts
VIProductVersion "${INFO_PRODUCTVERSION}.0"
VIFileVersion    "${INFO_PRODUCTVERSION}.0"

VIAddVersionKey "CompanyName"     "${INFO_COMPANYNAME}"
VIAddVersionKey "FileDescription" "Bộ cài đặt ${INFO_PRODUCTNAME}"
VIAddVersionKey "ProductVersion"  "${INFO_PRODUCTVERSION}"
VIAddVersionKey "FileVersion"     "${INFO_PRODUCTVERSION}"
VIAddVersionKey "LegalCopyright"  "${INFO_COPYRIGHT}"
VIAddVersionKey "ProductName"     "${INFO_PRODUCTNAME}"

# Enable HiDPI support. https://nsis.sourceforge.io/Reference/ManifestDPIAware
ManifestDPIAware true

!include "MUI2.nsh"

!define MUI_ICON "..\icon.ico"
!define MUI_UNICON "..\icon.ico"
!define MUI_FINISHPAGE_NOAUTOCLOSE
!define MUI_UNFINISHPAGE_NOAUTOCLOSE
!define MUI_ABORTWARNING

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_UNPAGE_FINISH

!insertmacro MUI_LANGUAGE "Vietnamese"

## The following two statements can be used to sign the installer and the uninstaller. The path to the binaries are provided in %1
#!uninstfinalize 'signtool --file "%1"'
#!finalize 'signtool --file "%1"'

Name "${INFO_PRODUCTNAME}"
Caption "Cài đặt ${INFO_PRODUCTNAME} ${INFO_PRODUCTVERSION}"
UninstallCaption "Gỡ cài đặt ${INFO_PRODUCTNAME}"
BrandingText "${INFO_COMPANYNAME}"
OutFile "..\..\bin\${INFO_PROJECTNAME}-${ARCH}-installer.exe"

# Per machine, in Program Files; an earlier installation's folder is reused.
InstallDir "$PROGRAMFILES64\${INFO_PROJECTNAME}"
InstallDirRegKey HKLM "${UNINST_KEY}" "InstallLocation"
ShowInstDetails show
ShowUninstDetails show

!define SHORTCUT_NAME "${INFO_PRODUCTNAME}.lnk"

Function .onInit
    !insertmacro wails.checkArchitecture
    SetRegView 64
FunctionEnd

Function un.onInit
    SetRegView 64
FunctionEnd

Section
    !insertmacro wails.setShellContext

    !insertmacro wails.webview2runtime

    SetOutPath $INSTDIR

    !insertmacro wails.files
    # socai.com: the same program built for the console, so that "socai verify …"
    # typed in cmd or run by a script prints its output and returns its exit code
    # (cmd prefers .com to .exe); socai.exe stays the window.
    File "..\..\bin\socai.com"

    # Start menu (all users) and desktop (all users) shortcuts.
    CreateShortcut "$SMPROGRAMS\${SHORTCUT_NAME}" "$INSTDIR\${PRODUCT_EXECUTABLE}" "" "$INSTDIR\${PRODUCT_EXECUTABLE}" 0
    CreateShortcut "$DESKTOP\${SHORTCUT_NAME}" "$INSTDIR\${PRODUCT_EXECUTABLE}" "" "$INSTDIR\${PRODUCT_EXECUTABLE}" 0

    !insertmacro wails.associateFiles
    !insertmacro wails.associateCustomProtocols

    !insertmacro wails.writeUninstaller
    WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
    WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
    WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
SectionEnd

Section "uninstall"
    !insertmacro wails.setShellContext

    # The WebView2 cache of the window (%APPDATA%\socai.exe of the user running the
    # uninstaller), not the ledger.
    SetShellVarContext current
    RMDir /r "$APPDATA\${PRODUCT_EXECUTABLE}"
    !insertmacro wails.setShellContext

    # Only what the installer put there: never RMDir /r the install folder, the
    # user may have chosen a folder that holds other files.
    Delete "$INSTDIR\${PRODUCT_EXECUTABLE}"
    Delete "$INSTDIR\socai.com"

    Delete "$SMPROGRAMS\${SHORTCUT_NAME}"
    Delete "$DESKTOP\${SHORTCUT_NAME}"

    !insertmacro wails.unassociateFiles
    !insertmacro wails.unassociateCustomProtocols

    !insertmacro wails.deleteUninstaller
    RMDir "$INSTDIR"
SectionEnd
