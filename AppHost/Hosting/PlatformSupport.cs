// The local run starts Debian-packaged servers in process groups (setsid, setpriv, signals): Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
