; Inno Setup script: a per-user installer for the one-folder build (no admin rights).
;
;   iscc /DVersion=0.1.0 packaging\desk.iss      ->  dist\desk-setup-0.1.0.exe
;
; Build dist\desk first (pyinstaller --noconfirm build.spec). The installer copies
; that folder under %LOCALAPPDATA%\Programs\desk, adds Start menu entries (and a
; desktop one if asked) and an uninstaller. The clerk's data and logs live in
; %LOCALAPPDATA%\MotCua\desk and are kept when the program is removed or updated.

#ifndef Version
  #define Version "0.1.0"
#endif

[Setup]
AppId={{6C1F4E2B-8F0D-4C7E-9B5A-2D3E1F0A9C71}
AppName=desk
AppVersion={#Version}
AppVerName=desk {#Version}
AppPublisher=desk
DefaultDirName={localappdata}\Programs\desk
DefaultGroupName=desk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\dist
OutputBaseFilename=desk-setup-{#Version}
SetupIconFile=..\desk\resources\icons\desk.ico
UninstallDisplayIcon={app}\desk.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=yes

[Languages]
; Inno Setup ships no Vietnamese of its own: put the community Vietnamese.isl
; (jrsoftware.org/files/istrans/) in its Languages folder to have the wizard in Vietnamese.
#if FileExists(AddBackslash(CompilerPath) + "Languages\Vietnamese.isl")
Name: "vi"; MessagesFile: "compiler:Languages\Vietnamese.isl"
#endif
Name: "en"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\dist\desk\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\desk"; Filename: "{app}\desk.exe"
Name: "{group}\{cm:UninstallProgram,desk}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\desk"; Filename: "{app}\desk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\desk.exe"; Description: "{cm:LaunchProgram,desk}"; Flags: nowait postinstall skipifsilent
