; Inno Setup 6 script for landdesk. Compiled by build_installer.py (step 2), which passes
;   /DAppVersion=<pyproject version> /DBundleDir=<PyInstaller one-folder bundle>
;   /DOutputDir=<dist> /DIconFile=<resources\icons\landdesk.ico>
; Saved as UTF-8 with a BOM: Inno Setup 6 reads the Chinese text below correctly only so.
;
; The program keeps its data outside {app}: in the user's data folder
; (%LOCALAPPDATA%\landdesk\landdesk, see app/paths.py) or a folder given by LANDDESK_DATA_DIR.
; Uninstalling removes only the program files, never that folder (database, backups, logs).

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\dist\landdesk"
#endif
#ifndef OutputDir
  #define OutputDir "..\dist"
#endif
#ifndef IconFile
  #define IconFile "..\resources\icons\landdesk.ico"
#endif

[Setup]
; The AppId identifies landdesk to Windows across versions: never change it, or an upgrade
; installs a second copy beside the first.
AppId={{6A3F2C1E-8B4D-4E7A-9C55-1D2E3F405A6B}
AppName=landdesk
AppVersion={#AppVersion}
AppVerName={cm:AppTitle} {#AppVersion}
AppPublisher=landdesk
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\landdesk
DefaultGroupName={cm:AppTitle}
DisableProgramGroupPage=yes
; Per-user by default, so a clerk without administrator rights can install; an administrator
; may choose "for all users" in the first dialog.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir={#OutputDir}
OutputBaseFilename=landdesk-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\landdesk.exe
UninstallDisplayName={cm:AppTitle} {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto
; Windows closes a running landdesk (Restart Manager) before files are replaced.
CloseApplications=yes

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.AppTitle=乡镇国土资源所一窗受理
english.AppTitle=landdesk township land office
chinesesimplified.AppComment=一窗受理、流转、督办与同步
english.AppComment=One-window intake, routing and sync
chinesesimplified.DataKept=程序已卸载。数据文件夹（数据库、备份、日志）没有删除：%n%1%n重新安装后会继续使用这些数据；确实不再需要时可以手工删除。
english.DataKept=landdesk has been removed. Its data folder (database, backups, logs) was kept:%n%1%nA new installation uses it again; delete it by hand only if it is no longer needed.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{cm:AppTitle}"; Filename: "{app}\landdesk.exe"; Comment: "{cm:AppComment}"
Name: "{group}\{cm:UninstallProgram,{cm:AppTitle}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{cm:AppTitle}"; Filename: "{app}\landdesk.exe"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\landdesk.exe"; Description: "{cm:LaunchProgram,{cm:AppTitle}}"; Flags: nowait postinstall skipifsilent

; No [UninstallDelete] entry names the data folder: the uninstaller removes only what it
; installed into {app}.

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataFolder: String;
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent() then
  begin
    DataFolder := ExpandConstant('{localappdata}\landdesk\landdesk');
    if DirExists(DataFolder) then
      MsgBox(FmtMessage(CustomMessage('DataKept'), [DataFolder]), mbInformation, MB_OK);
  end;
end;
